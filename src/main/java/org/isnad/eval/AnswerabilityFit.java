package org.isnad.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.isnad.answer.AnswerabilityModel;
import org.isnad.answer.DocumentFeatures;

/**
 * Fits the {@link org.isnad.answer.AnswerabilityModel}: logistic regression over the candidate
 * documents' {@link DocumentFeatures}, labelled by whether the document answers the question (the
 * expected document or one of its {@code also_in}), and reports how the decision "the most probable
 * candidate answers when its probability reaches τ" does under k-fold cross-validation by question
 * (each answerable question of the development set has its own article, so folds never share an
 * answering article). Rows come from {@code isnad eval --set … --features FILE}.
 */
public final class AnswerabilityFit {

    /** One candidate of one question: {@code answerable} is false for a question nobody can answer. */
    public record Row(String question, boolean answerable, String docId, boolean answers, double[] x) {}

    /** A fitted logistic model on the raw feature scale. */
    public record Model(double[] weights, double bias) {
        double probability(double[] x) {
            double z = bias;
            for (int i = 0; i < x.length; i++) {
                z += weights[i] * x[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /**
     * The two stages: a ranker (linear score, fitted listwise: the softmax over a question's
     * candidates puts its mass on the answering one) picks the document; the answerability model
     * (logistic, on the picked document's features plus its ranking margin over the runner-up)
     * says whether it answers.
     */
    public record TwoStage(double[] ranking, Model answer) {
        double rankScore(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += ranking[i] * x[i];
            }
            return s;
        }

        /** The picked candidate of each question and its answer features (x plus the ranking margin). */
        Map<String, double[]> picked(Map<String, List<Row>> byQuestion, Map<String, Row> pick) {
            Map<String, double[]> out = new LinkedHashMap<>();
            byQuestion.forEach((q, cands) -> {
                Row best = null;
                double bestS = Double.NEGATIVE_INFINITY;
                double second = Double.NEGATIVE_INFINITY;
                for (Row r : cands) {
                    double sc = rankScore(r.x());
                    if (sc > bestS) {
                        second = bestS;
                        bestS = sc;
                        best = r;
                    } else if (sc > second) {
                        second = sc;
                    }
                }
                pick.put(q, best);
                double[] x = java.util.Arrays.copyOf(best.x(), best.x().length + 1);
                x[x.length - 1] = cands.size() < 2 ? AnswerabilityModel.RANK_MARGIN_ALONE : Math.min(AnswerabilityModel.RANK_MARGIN_ALONE, bestS - second);
                out.put(q, x);
            });
            return out;
        }
    }


    /** The cross-validated decision at one threshold. */
    public record Point(double threshold, double answered, double precision, double refusal, double rightDocument) {}

    static final double L2 = 0.01;
    static final int ITERATIONS = 3000;
    static final double LEARNING_RATE = 0.3;

    private AnswerabilityFit() {}

    public static String header() {
        return "question\tanswerable\tdoc\tanswers\t" + String.join("\t", DocumentFeatures.NAMES);
    }

    public static String line(String question, boolean answerable, DocumentFeatures f, boolean answers) {
        StringBuilder sb = new StringBuilder();
        sb.append(question).append('\t').append(answerable ? 1 : 0).append('\t').append(f.docId()).append('\t').append(answers ? 1 : 0);
        for (double v : f.vector()) {
            sb.append('\t').append(String.format(Locale.ROOT, "%.5f", v));
        }
        return sb.toString();
    }

    /** Reads feature files; a line that is not a feature row fails the read with its file and line number. */
    public static List<Row> read(List<Path> files) {
        List<Row> rows = new ArrayList<>();
        int columns = 4 + DocumentFeatures.NAMES.size();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.startsWith("question\t") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t");
                try {
                    if (c.length != columns) {
                        throw new NumberFormatException(c.length + " columns, not " + columns);
                    }
                    double[] x = new double[c.length - 4];
                    for (int i = 4; i < c.length; i++) {
                        x[i - 4] = Double.parseDouble(c[i]);
                    }
                    rows.add(new Row(file.getFileName() + ":" + c[0], c[1].equals("1"), c[2], c[3].equals("1"), x));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (n + 1) + ": not a feature row as `isnad eval --features` writes ("
                            + e.getMessage() + ")", e);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no feature rows in " + files + " (write them with `isnad eval --set FILE --features OUT`)");
        }
        return rows;
    }

    /** Listwise linear ranker: maximizes the softmax probability of the answering candidate, L2-penalized. */
    public static double[] fitRanker(List<Row> rows) {
        Map<String, List<Row>> byQuestion = new LinkedHashMap<>();
        rows.forEach(r -> byQuestion.computeIfAbsent(r.question(), k -> new ArrayList<>()).add(r));
        List<List<Row>> lists = byQuestion.values().stream().filter(l -> l.stream().anyMatch(Row::answers)).toList();
        int d = rows.get(0).x().length;
        double[] w = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] g = new double[d];
            for (List<Row> l : lists) {
                double max = Double.NEGATIVE_INFINITY;
                double[] s = new double[l.size()];
                for (int j = 0; j < l.size(); j++) {
                    for (int i = 0; i < d; i++) {
                        s[j] += w[i] * l.get(j).x()[i];
                    }
                    max = Math.max(max, s[j]);
                }
                double z = 0;
                for (int j = 0; j < l.size(); j++) {
                    s[j] = Math.exp(s[j] - max);
                    z += s[j];
                }
                long positives = l.stream().filter(Row::answers).count();
                for (int j = 0; j < l.size(); j++) {
                    double target = l.get(j).answers() ? 1.0 / positives : 0;
                    for (int i = 0; i < d; i++) {
                        g[i] += (s[j] / z - target) * l.get(j).x()[i];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                w[i] -= LEARNING_RATE * (g[i] / lists.size() + L2 * w[i]);
            }
        }
        return w;
    }

    public static TwoStage fitTwoStage(List<Row> rows) {
        double[] ranking = fitRanker(rows);
        TwoStage ranker = new TwoStage(ranking, null);
        Map<String, List<Row>> byQuestion = new LinkedHashMap<>();
        rows.forEach(r -> byQuestion.computeIfAbsent(r.question(), k -> new ArrayList<>()).add(r));
        Map<String, Row> pick = new LinkedHashMap<>();
        Map<String, double[]> features = ranker.picked(byQuestion, pick);
        List<Row> top = new ArrayList<>();
        features.forEach((q, x) -> top.add(new Row(q, pick.get(q).answerable(), pick.get(q).docId(), pick.get(q).answers(), x)));
        return new TwoStage(ranking, fit(top));
    }

    /** Logistic regression by gradient descent on standardized features with an L2 penalty. */
    public static Model fit(List<Row> rows) {
        int d = rows.get(0).x().length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (Row r : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += r.x()[i] / rows.size();
            }
        }
        for (Row r : rows) {
            for (int i = 0; i < d; i++) {
                sd[i] += Math.pow(r.x()[i] - mean[i], 2) / rows.size();
            }
        }
        for (int i = 0; i < d; i++) {
            sd[i] = Math.sqrt(sd[i]) < 1e-9 ? 1 : Math.sqrt(sd[i]);
        }
        double[] w = new double[d];
        double b = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            double[] g = new double[d];
            double gb = 0;
            for (Row r : rows) {
                double z = b;
                for (int i = 0; i < d; i++) {
                    z += w[i] * (r.x()[i] - mean[i]) / sd[i];
                }
                double err = 1 / (1 + Math.exp(-z)) - (r.answers() ? 1 : 0);
                for (int i = 0; i < d; i++) {
                    g[i] += err * (r.x()[i] - mean[i]) / sd[i];
                }
                gb += err;
            }
            for (int i = 0; i < d; i++) {
                w[i] -= LEARNING_RATE * (g[i] / rows.size() + L2 * w[i]);
            }
            b -= LEARNING_RATE * gb / rows.size();
        }
        double[] raw = new double[d];
        double rawBias = b;
        for (int i = 0; i < d; i++) {
            raw[i] = w[i] / sd[i];
            rawBias -= w[i] * mean[i] / sd[i];
        }
        return new Model(raw, rawBias);
    }

    /** For each question of the held-out folds: the probability and correctness of its most probable candidate. */
    public record Decision(boolean answerable, double probability, boolean right) {}

    public static List<Decision> crossValidate(List<Row> rows, int folds) {
        Map<String, List<Row>> byQuestion = new LinkedHashMap<>();
        rows.forEach(r -> byQuestion.computeIfAbsent(r.question(), k -> new ArrayList<>()).add(r));
        List<Decision> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int fold = k;
            List<Row> train = rows.stream().filter(r -> Math.floorMod(r.question().hashCode(), folds) != fold).toList();
            TwoStage m = fitTwoStage(train);
            Map<String, List<Row>> held = new LinkedHashMap<>();
            byQuestion.forEach((q, c) -> {
                if (Math.floorMod(q.hashCode(), folds) == fold) {
                    held.put(q, c);
                }
            });
            Map<String, Row> pick = new LinkedHashMap<>();
            m.picked(held, pick).forEach((q, x) ->
                    out.add(new Decision(pick.get(q).answerable(), m.answer().probability(x), pick.get(q).answers())));
        }
        return out;
    }

    /**
     * The decision at thresholds 0.05, 0.10 … 0.95. Only questions with a candidate are counted (the
     * feature files hold no row for a question that retrieved nothing, which is refused either way).
     */
    public static List<Point> curve(List<Decision> decisions) {
        List<Point> out = new ArrayList<>();
        long answerable = decisions.stream().filter(Decision::answerable).count();
        long unanswerable = decisions.stream().filter(d -> !d.answerable()).count();
        for (double t = 0.05; t < 0.96; t += 0.05) {
            double th = t;
            long answered = decisions.stream().filter(d -> d.answerable() && d.probability() >= th).count();
            long right = decisions.stream().filter(d -> d.probability() >= th && d.right()).count();
            long given = decisions.stream().filter(d -> d.probability() >= th).count();
            long refused = unanswerable - decisions.stream().filter(d -> !d.answerable() && d.probability() >= th).count();
            out.add(new Point(Math.round(th * 100) / 100.0, Tally.ratio(answered, answerable), Tally.ratio(right, Math.max(1, given)),
                    Tally.ratio(refused, unanswerable), Tally.ratio(right, answerable)));
        }
        return out;
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder("List.of(");
        for (int i = 0; i < v.length; i++) {
            sb.append(String.format(Locale.ROOT, i == 0 ? "%.4f" : ", %.4f", v[i]));
        }
        return sb.append(")").toString();
    }

    /** The fitted weights and the cross-validated curve, as text. */
    public static String report(List<Row> rows, int folds) {
        TwoStage two = fitTwoStage(rows);
        Model m = two.answer();
        StringBuilder sb = new StringBuilder();
        sb.append("ranking weights: ").append(list(two.ranking())).append('\n');
        sb.append("answer weights (features, then rankMargin), bias: ").append(list(m.weights()))
                .append(String.format(Locale.ROOT, ", %.4f%n", m.bias()));
        sb.append("rows: ").append(rows.size()).append(", questions: ")
                .append(rows.stream().map(Row::question).distinct().count()).append('\n');
        sb.append("feature         ranking   answer\n");
        for (int i = 0; i < two.ranking().length; i++) {
            sb.append(String.format(Locale.ROOT, "  %-18s %8.3f %8.3f%n", DocumentFeatures.NAMES.get(i), two.ranking()[i], m.weights()[i]));
        }
        sb.append(String.format(Locale.ROOT, "  %-18s %8s %8.3f%n", "rankMargin", "", m.weights()[m.weights().length - 1]));
        sb.append(folds).append("-fold cross-validation by question (answered: of answerable; precision: right document of answers given)\n");
        sb.append(String.format("%9s %9s %9s %9s %9s%n", "threshold", "answered", "precision", "refusal", "right"));
        for (Point p : curve(crossValidate(rows, folds))) {
            sb.append(String.format(Locale.ROOT, "%9.2f %9.3f %9.3f %9.3f %9.3f%n", p.threshold(), p.answered(), p.precision(),
                    p.refusal(), p.rightDocument()));
        }
        return sb.toString();
    }
}
