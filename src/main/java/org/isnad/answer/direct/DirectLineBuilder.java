package org.isnad.answer.direct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.isnad.answer.Citation;
import org.isnad.answer.Glossary;
import org.isnad.answer.Question;
import org.isnad.answer.QuestionType;
import org.isnad.index.Analyzers;
import org.isnad.text.DateMention;
import org.isnad.text.Language;

/**
 * Builds the direct answer line from an answer's verified citations: for each part of the question
 * (one, or several for "who … and when?"), the best-fitting span of the quotes, rendered for the
 * reader, with its citation marker. Every span is checked against the stored text before it is
 * used; a part with no fitting span is said to be unstated rather than forced. Thread-safe.
 */
public final class DirectLineBuilder {

    /** Further names for WHO come from spans scoring within this much of the best. */
    private static final double ALSO_NAMED = 0.35;
    private static final int MAX_NAMES = 4;
    /** A second date (another source's) is stated beside the first when it scores within this much. */
    private static final double OTHER_SOURCE = 0.3;

    private final SpanFinder finder;
    private final Rendering rendering;

    public DirectLineBuilder(Analyzers analyzers, Glossary glossary) {
        this.finder = new SpanFinder(analyzers, glossary);
        this.rendering = new Rendering(analyzers, glossary);
    }

    /**
     * The line for an answered question, or null when there are no citations. {@code languageOf}
     * gives each cited document's language, {@code documentText} its stored text (for the check).
     */
    public DirectAnswer build(Question q, List<Citation> citations, Function<String, Language> languageOf,
                              Function<String, Optional<String>> documentText) {
        if (citations.isEmpty()) {
            return null;
        }
        Language reader = q.language() == Language.AR ? Language.AR : Language.EN;
        List<DirectPart> parts = new ArrayList<>();
        for (QuestionType part : q.parts()) {
            List<SpanFinder.Span> spans = new ArrayList<>();
            for (Citation c : citations) {
                Language language = languageOf.apply(c.docId());
                for (SpanFinder.Span s : finder.find(part, q, c, language == null ? reader : language, dateOf(c))) {
                    if (exact(s, documentText)) {
                        spans.add(s);
                    }
                }
            }
            spans.sort(java.util.Comparator.comparingDouble(SpanFinder.Span::score).reversed());
            parts.addAll(choose(part, spans, reader));
            if (spans.isEmpty()) {
                parts.add(new DirectPart(name(part), unstated(q, part, reader), null, null));
            }
        }
        return new DirectAnswer(compose(parts, reader), parts);
    }

    /** The span model's candidates in one citation, with their features (for fitting, not answering). */
    public List<SpanCandidate> spanCandidates(Question q, Citation c, Language language) {
        return finder.candidates(q, c, language);
    }

    private List<DirectPart> choose(QuestionType part, List<SpanFinder.Span> spans, Language reader) {
        if (spans.isEmpty()) {
            return List.of();
        }
        SpanFinder.Span best = spans.get(0);
        List<SpanFinder.Span> chosen = new ArrayList<>(List.of(best));
        if (part == QuestionType.WHO && !best.appositive() && best.kind() == SpanFinder.Kind.NAME) {
            for (SpanFinder.Span s : spans) {
                if (chosen.size() >= MAX_NAMES || s.score() < best.score() - ALSO_NAMED) {
                    break;
                }
                if (s.kind() != SpanFinder.Kind.NAME) {
                    continue; // the words beside the question's are one answer, not one of a list of names
                }
                boolean repeated = chosen.stream().anyMatch(c -> c.text().equals(s.text())
                        || (c.citation() == s.citation() && s.start() < c.end() && c.start() < s.end()));
                if (!repeated) {
                    chosen.add(s);
                }
            }
        } else if (part == QuestionType.WHEN && best.date() != null) {
            // another source's date for the same thing: same precision, another value, nearly as close
            spans.stream().filter(s -> s.date() != null && s.citation() != best.citation()
                            && s.date().precision() == best.date().precision()
                            && !s.date().date().equals(best.date().date()) && s.score() >= best.score() - OTHER_SOURCE)
                    .findFirst().ifPresent(chosen::add);
        }
        List<DirectPart> out = new ArrayList<>();
        Set<String> said = new java.util.HashSet<>();
        for (SpanFinder.Span s : chosen) {
            Rendering.Rendered r = rendering.render(s, reader);
            if (!said.add(r.text())) {
                continue; // "Hamas" in two quotes is one name
            }
            out.add(new DirectPart(name(part), r.text(),
                    new DirectPart.Source(s.citation().n(), s.start(), s.end(), s.text()), r.rendering()));
        }
        return out;
    }

    /** The same check as for quotes: the span is the stored text at its offsets, inside its quote. */
    private static boolean exact(SpanFinder.Span s, Function<String, Optional<String>> documentText) {
        Citation c = s.citation();
        if (s.start() < c.start() || s.end() > c.end() || s.start() >= s.end()) {
            return false;
        }
        return documentText.apply(c.docId()).map(t -> s.end() <= t.length() && t.substring(s.start(), s.end()).equals(s.text()))
                .orElse(false);
    }

    private static LocalDate dateOf(Citation c) {
        try {
            return c.date() == null ? null : LocalDate.parse(c.date());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A date as the line states it, at the precision the source gives ("2016", "September 2017"). */
    public static String dateText(DateMention d, Language reader) {
        return Rendering.date(d, reader);
    }

    static String name(QuestionType part) {
        return part.name().toLowerCase(Locale.ROOT);
    }

    /** The line: each part's text with its markers; several parts each under their question word. */
    static String compose(List<DirectPart> parts, Language reader) {
        List<String> names = parts.stream().map(DirectPart::part).distinct().toList();
        List<String> lines = new ArrayList<>();
        for (String part : names) {
            List<DirectPart> of = parts.stream().filter(p -> p.part().equals(part)).toList();
            String text = partText(of, reader);
            lines.add(names.size() > 1 ? label(part, reader) + ": " + text : text);
        }
        String joined = String.join(reader == Language.AR ? "؛ " : "; ", lines);
        return joined;
    }

    private static String partText(List<DirectPart> of, Language reader) {
        if (of.size() == 1 && !of.get(0).stated()) {
            return of.get(0).text();
        }
        if (of.get(0).part().equals("when") && of.size() > 1) {
            return withMarker(of.get(0)) + (reader == Language.AR ? "؛ ويذكر مصدر آخر " : "; another source says ")
                    + withMarker(of.get(1));
        }
        if (of.get(0).part().equals("who") && of.size() > 1) {
            List<String> names = of.stream().map(DirectPart::text).toList();
            String list = reader == Language.AR
                    ? String.join("، ", names.subList(0, names.size() - 1)) + " و" + names.get(names.size() - 1)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            return list + " " + markers(of);
        }
        return withMarker(of.get(0));
    }

    private static String withMarker(DirectPart p) {
        return p.text() + " [" + p.source().citation() + "]";
    }

    private static String markers(List<DirectPart> parts) {
        StringBuilder b = new StringBuilder();
        parts.stream().map(p -> p.source().citation()).distinct().sorted().forEach(n -> b.append('[').append(n).append(']'));
        return b.toString();
    }

    private static String label(String part, Language reader) {
        if (reader == Language.AR) {
            return switch (part) {
                case "who" -> "مَن";
                case "when" -> "متى";
                case "where" -> "أين";
                case "how_many" -> "كم";
                case "why" -> "لماذا";
                default -> "ماذا";
            };
        }
        return switch (part) {
            case "how_many" -> "How many";
            case "yes_no", "other" -> "What";
            default -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1);
        };
    }

    /** "The sources mention … but do not state when": the question's own words, never a forced span. */
    private static String unstated(Question q, QuestionType part, Language reader) {
        String subject = String.join(reader == Language.AR ? "، " : ", ", q.keyTerms());
        String what = reader == Language.AR
                ? switch (part) {
                    case WHO -> "مَن";
                    case WHEN -> "متى";
                    case WHERE -> "أين";
                    case HOW_MANY -> "كم";
                    case WHY -> "لماذا";
                    default -> "ذلك";
                }
                : switch (part) {
                    case WHO -> "who";
                    case WHEN -> "when";
                    case WHERE -> "where";
                    case HOW_MANY -> "how many";
                    case WHY -> "why";
                    default -> "it";
                };
        return reader == Language.AR
                ? "تذكر المصادر " + subject + " لكنها لا تذكر " + what + "."
                : "The sources mention " + subject + " but do not state " + what + ".";
    }
}
