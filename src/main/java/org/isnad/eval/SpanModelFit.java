package org.isnad.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.isnad.answer.AnswerTuning;
import org.isnad.answer.direct.SpanCandidate;

/**
 * Fits the direct line's span model ({@link AnswerTuning#SPAN_WEIGHTS}) on the candidates
 * {@code isnad eval --dataset … --span-features FILE} writes: for each question, every candidate of
 * its first quote with its F1 against the gold answers. The model is a softmax over a question's
 * candidates; fitting maximizes the expected F1 of the chosen span (gradient ascent, L2). The report
 * gives the weights fitted on all rows, and a seeded two-fold cross-validation of the F1 of the
 * top-scored candidate, beside that of the weights in use.
 */
public final class SpanModelFit {

    private static final double L2 = 0.01;
    private static final double STEP = 0.5;
    private static final int STEPS = 800;
    /** Scales the expected-F1 gradient (its values are small beside the L2 term's). */
    private static final double GAIN = 5;

    /** One question's candidates: features and F1. */
    record Example(String question, double[][] x, double[] f1) {}

    private SpanModelFit() {}

    /** A TSV row: question id, F1, candidate text, then the features. */
    static String row(String question, double f1, SpanCandidate c) {
        return question.replace('\t', ' ') + "\t" + String.format(Locale.ROOT, "%.4f", f1) + "\t"
                + c.text().replace('\t', ' ').replace('\n', ' ') + "\t"
                + c.features().stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).collect(Collectors.joining("\t"));
    }

    static void write(Path file, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("question\tf1\ttext\t" + String.join("\t", SpanCandidate.featureNames()));
        lines.addAll(rows);
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.err.println("span features: " + rows.size() + " candidates written to " + file);
    }

    /** The examples of several files (questions keep apart by file: XQuAD ids repeat across languages). */
    public static List<Example> read(List<Path> files) {
        int n = SpanCandidate.featureNames().size();
        List<Example> out = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Map<String, List<String[]>> byQuestion = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(files.get(f), StandardCharsets.UTF_8)) {
                    String[] cols = line.split("\t", -1);
                    if (cols.length != 3 + n || cols[0].equals("question")) {
                        continue;
                    }
                    byQuestion.computeIfAbsent(f + ":" + cols[0], k -> new ArrayList<>()).add(cols);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + files.get(f), e);
            }
            byQuestion.forEach((q, rows) -> {
                double[][] x = new double[rows.size()][n];
                double[] y = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    y[i] = Double.parseDouble(rows.get(i)[1]);
                    for (int j = 0; j < n; j++) {
                        x[i][j] = Double.parseDouble(rows.get(i)[3 + j]);
                    }
                }
                out.add(new Example(q, x, y));
            });
        }
        return out;
    }

    /** Weights maximizing the expected F1 of the softmax choice, with an L2 penalty. */
    static double[] fit(List<Example> examples) {
        int n = SpanCandidate.featureNames().size();
        double[] w = new double[n];
        List<Example> useful = examples.stream().filter(e -> max(e.f1()) > 0).toList();
        if (useful.isEmpty()) {
            return w;
        }
        for (int step = 0; step < STEPS; step++) {
            double[] gradient = new double[n];
            for (Example e : useful) {
                double[] p = softmax(e.x(), w);
                double expected = 0;
                for (int i = 0; i < p.length; i++) {
                    expected += p[i] * e.f1()[i];
                }
                for (int i = 0; i < p.length; i++) {
                    double c = p[i] * (e.f1()[i] - expected);
                    for (int j = 0; j < n; j++) {
                        gradient[j] -= GAIN * c * e.x()[i][j];
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                w[j] -= STEP * (gradient[j] / useful.size() + L2 * w[j]);
            }
        }
        return w;
    }

    /** The mean F1 of the top-scored candidate. */
    static double f1OfChoice(List<Example> examples, double[] w) {
        if (examples.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Example e : examples) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < e.x().length; i++) {
                double s = dot(e.x()[i], w);
                if (s > bestScore) {
                    bestScore = s;
                    best = i;
                }
            }
            sum += e.f1()[best];
        }
        return sum / examples.size();
    }

    public static String report(List<Example> examples, long seed) {
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        List<Example> a = shuffled.subList(0, shuffled.size() / 2);
        List<Example> b = shuffled.subList(shuffled.size() / 2, shuffled.size());
        double heldOut = (f1OfChoice(b, fit(a)) * b.size() + f1OfChoice(a, fit(b)) * a.size()) / Math.max(1, shuffled.size());
        double[] inUse = AnswerTuning.SPAN_WEIGHTS.stream().mapToDouble(Double::doubleValue).toArray();
        double[] all = fit(examples);
        double oracle = examples.stream().mapToDouble(e -> max(e.f1())).average().orElse(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "questions: %d, candidates: %d%n", examples.size(),
                examples.stream().mapToInt(e -> e.x().length).sum()));
        out.append(String.format(Locale.ROOT, "span F1 of the top candidate: weights in use %.3f, two-fold held-out %.3f,"
                + " fitted on all (in sample) %.3f, best candidate (ceiling) %.3f%n",
                f1OfChoice(examples, inUse), heldOut, f1OfChoice(examples, all), oracle));
        out.append("weights (AnswerTuning.SPAN_WEIGHTS order):\n");
        List<String> names = SpanCandidate.featureNames();
        for (int j = 0; j < names.size(); j++) {
            out.append(String.format(Locale.ROOT, "  %-20s %+.2f%n", names.get(j), all[j]));
        }
        out.append(java.util.Arrays.stream(all).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                .collect(Collectors.joining(", ", "List.of(", ")\n")));
        return out.toString();
    }

    private static double[] softmax(double[][] x, double[] w) {
        double[] p = new double[x.length];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            p[i] = dot(x[i], w);
            top = Math.max(top, p[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - top);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
