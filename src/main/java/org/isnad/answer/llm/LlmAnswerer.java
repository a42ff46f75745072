package org.isnad.answer.llm;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.function.Function;
import org.isnad.answer.Answerer;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;
import org.isnad.answer.DocumentTexts;
import org.isnad.answer.Draft;
import org.isnad.answer.Question;
import org.isnad.answer.llm.QuoteLocator.LocatedAnswer;
import org.isnad.answer.llm.QuoteLocator.LocatedQuote;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;

/**
 * Answers with a chat model over Isnad's passages, and shows only what the verifier lets through.
 *
 * <ol>
 *   <li>Retrieve through the {@link ContentRetriever}; when enabled, the question is also translated
 *       (Arabic ↔ English) by the model and searched again, and the two result lists merged.</li>
 *   <li>Number the passages and ask the model under the versioned prompt of the question's language.</li>
 *   <li>{@link QuoteLocator}: every quote must be found in a passage and is replaced by the stored
 *       text with exact offsets; invented quotes are withheld, impossible [n] removed, markers renumbered.</li>
 *   <li>Final exact check of every citation against the stored document text.</li>
 *   <li>English question with Arabic quotes: an English rendering, labelled as machine translation,
 *       each beside its original quote, appended to the answer text (never a citation).</li>
 * </ol>
 *
 * Any failure (connection refused, timeout, 429, 500, malformed or empty output) or no verified quote
 * left gives the extractive answer instead. Every answer carries parseable notes for the answer log:
 * {@code llm.model=}, {@code llm.prompt=}, {@code verifier.removed=}, {@code fallback=} and others.
 */
public final class LlmAnswerer implements Answerer {

    public static final int PROMPT_VERSION = 1;
    private static final Pattern TRANSLATION_LINE = Pattern.compile("(?m)^\\s*\\[(\\d{1,3})]\\s*(.+?)\\s*$");

    private final BoundedChat chat;
    private final String modelName;
    private final ContentRetriever retriever;
    private final Answerer extractive;
    private final SpeakerLookup speakers;
    private final boolean translateQueries;
    private final int maxPassages;
    private final LanguageDetector detector = new LanguageDetector();
    /** Prompt files, read once; answers may be drafted concurrently (the bot). */
    private final Map<String, PromptTemplate> prompts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param extractive what to answer with when the model fails or nothing it quoted survives
     * @param speakers who speaks at an offset of a stored document (for citations)
     * @param maxPassages how many passages the model receives
     */
    public LlmAnswerer(BoundedChat chat, String modelName, ContentRetriever retriever, Answerer extractive,
            SpeakerLookup speakers, boolean translateQueries, int maxPassages) {
        this.chat = Objects.requireNonNull(chat);
        this.modelName = Objects.requireNonNull(modelName);
        this.retriever = Objects.requireNonNull(retriever);
        this.extractive = Objects.requireNonNull(extractive);
        this.speakers = Objects.requireNonNull(speakers);
        this.translateQueries = translateQueries;
        this.maxPassages = Math.max(1, maxPassages);
    }

    @Override
    public String mode() {
        return "llm:" + modelName;
    }

    /**
     * What the model produced after verification: either an answer ({@code fallback == null}) whose
     * citations are all exact, or the reason to give the extractive answer instead. {@code notes}
     * are the parseable answer-log entries either way.
     */
    public record Outcome(String text, List<Citation> citations, List<Candidate> candidates, List<String> notes,
            String fallback) {

        static Outcome fallback(String reason, List<String> notes) {
            List<String> all = new ArrayList<>(notes);
            all.add("fallback=" + reason);
            return new Outcome(null, List.of(), List.of(), List.copyOf(all), reason);
        }
    }

    /**
     * The model's verified draft, or the extractive draft with the reason in its notes. Either way the
     * draft then passes {@link org.isnad.answer.QuoteVerifier} in {@link org.isnad.answer.AnswerService}.
     */
    @Override
    public Draft answer(Question question, DocumentTexts texts) {
        String asked = question.analyzed() == null || question.analyzed().isBlank() ? question.text() : question.analyzed();
        Outcome o = draft(asked, question.language(), texts::text);
        if (o.fallback() == null) {
            return new Draft(true, o.text(), o.citations(), List.of(), o.candidates(), o.notes());
        }
        Draft d = extractive.answer(question, texts);
        List<String> notes = new ArrayList<>(o.notes());
        notes.addAll(d.notes());
        return new Draft(d.answered(), d.text(), d.citations(), d.conflicts(), d.candidates(), notes);
    }

    /** The model's verified answer to {@code question}, framed in {@code language}, or why there is none. */
    public Outcome draft(String question, Language language, Function<String, Optional<String>> documentText) {
        String lang = language == Language.AR ? "ar" : "en";
        PromptTemplate prompt = prompt(lang, "llm-answer");
        PromptTemplate notices = prompt(lang, "llm-notices");
        List<String> notes = new ArrayList<>();
        notes.add("llm.model=" + modelName);
        notes.add("llm.prompt=" + prompt.id());

        List<LlmPassage> passages;
        try {
            passages = retrieve(question, lang, notes);
        } catch (LlmFailure unreachable) {
            // The model did not answer the small translation call: do not make the user wait for a second failure.
            return Outcome.fallback(unreachable.reason(), notes);
        }
        if (passages.isEmpty()) {
            return Outcome.fallback("no-passages", notes);
        }
        String reply;
        try {
            reply = chat.chat(prompt.render("system"), prompt.render("user", Map.of(
                    "question", question.strip(),
                    "passages", numbered(prompt, passages))));
        } catch (LlmFailure f) {
            return Outcome.fallback(f.reason(), notes);
        }

        LocatedAnswer located = new QuoteLocator(notices).locate(reply, passages);
        List<Citation> citations = new ArrayList<>();
        List<String> removed = new ArrayList<>(located.removed());
        for (LocatedQuote q : located.quotes()) {
            if (isExact(q, documentText)) {
                citations.add(citation(q, documentText));
            } else {
                removed.add("quote[" + q.n() + "]:not-exact-in-document");
            }
        }
        notes.add("verifier.removed=" + (removed.isEmpty() ? "none" : String.join(";", removed)));
        notes.add("verifier.withheld=" + located.withheld());
        if (citations.size() < located.quotes().size()) {
            // Cannot happen while passages are exact substrings of their documents; if it does, trust nothing.
            return Outcome.fallback("citation-not-exact", notes);
        }
        if (citations.isEmpty()) {
            return Outcome.fallback("no-verified-quote", notes);
        }
        String text = located.text();
        if (language != Language.AR) {
            text = text + translations(citations, notices, notes);
        }
        List<Candidate> candidates = passages.stream()
                .map(p -> new Candidate(p.docId(), p.start(), p.end(), p.score()))
                .toList();
        return new Outcome(text, citations, candidates, List.copyOf(notes), null);
    }

    private PromptTemplate prompt(String lang, String name) {
        return prompts.computeIfAbsent(lang + "/" + name, k -> PromptTemplate.load(lang, name, PROMPT_VERSION));
    }

    // ---- retrieval, with the question also searched in the other language ----

    /** @throws LlmFailure when the translation call shows the model unreachable (timeout, refused, 429, 5xx) */
    private List<LlmPassage> retrieve(String question, String lang, List<String> notes) throws LlmFailure {
        List<LlmPassage> original = search(question);
        List<LlmPassage> translated = List.of();
        if (translateQueries) {
            PromptTemplate tp = prompt(lang, "llm-translate-query");
            notes.add("llm.prompt.query=" + tp.id());
            try {
                String t = firstLine(chat.chat(tp.render("system"), tp.render("user", Map.of("question", question.strip()))));
                if (t.length() > 500) {
                    t = t.substring(0, 500);
                }
                if (!t.isEmpty() && !t.equalsIgnoreCase(question.strip())) {
                    notes.add("llm.query.translated=" + t.replace('\n', ' '));
                    translated = search(t);
                }
            } catch (LlmFailure f) {
                notes.add("llm.query.failed=" + f.reason());
                if (f.unreachable()) {
                    throw f;
                }
            }
        }
        Map<String, LlmPassage> merged = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(original.size(), translated.size()) && merged.size() < maxPassages; i++) {
            if (i < original.size()) {
                merged.putIfAbsent(original.get(i).key(), original.get(i));
            }
            if (i < translated.size() && merged.size() < maxPassages) {
                merged.putIfAbsent(translated.get(i).key(), translated.get(i));
            }
        }
        return List.copyOf(merged.values());
    }

    private List<LlmPassage> search(String text) {
        List<LlmPassage> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (Content c : retriever.retrieve(Query.from(text))) {
            out.add(IsnadContentRetriever.passage(c));
        }
        return out;
    }

    /**
     * The passages as the prompt shows them. Angle brackets in passage text become full-width forms
     * so that a document cannot close its {@code <passage>} element and speak outside it.
     */
    private static String numbered(PromptTemplate prompt, List<LlmPassage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            LlmPassage p = passages.get(i);
            String source = String.join(", ", java.util.stream.Stream.of(p.title(), p.outlet(), p.date())
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (i > 0) {
                out.append("\n\n");
            }
            out.append(prompt.render("passage", Map.of(
                    "n", String.valueOf(i + 1),
                    "source", dataSafe(source).replace('"', '\''),
                    "text", dataSafe(p.text().strip()))));
        }
        return out.toString();
    }

    private static String dataSafe(String s) {
        return s.replace('<', '\uFF1C').replace('>', '\uFF1E');
    }

    // ---- the final check and the citation records ----

    private static boolean isExact(LocatedQuote q, Function<String, Optional<String>> documentText) {
        return documentText.apply(q.passage().docId())
                .filter(t -> q.start() >= 0 && q.end() <= t.length() && q.start() < q.end())
                .map(t -> t.substring(q.start(), q.end()).equals(q.quote()))
                .orElse(false);
    }

    private Citation citation(LocatedQuote q, Function<String, Optional<String>> documentText) {
        LlmPassage p = q.passage();
        return new Citation(q.n(), p.docId(), p.title(), p.outlet(), p.date(), q.quote(), q.start(), q.end(),
                speakers.speakerAt(p.docId(), q.start(), documentText));
    }

    // ---- English renderings of Arabic quotes: labelled, beside the original, never citations ----

    private String translations(List<Citation> citations, PromptTemplate notices, List<String> notes) {
        List<Citation> arabic = citations.stream()
                .filter(c -> detector.detect(c.quote()) == Language.AR)
                .toList();
        if (arabic.isEmpty()) {
            return "";
        }
        PromptTemplate tp = prompt("en", "llm-translate-quotes");
        notes.add("llm.prompt.quotes=" + tp.id());
        StringBuilder quotes = new StringBuilder();
        for (Citation c : arabic) {
            quotes.append(tp.render("quote", Map.of("n", String.valueOf(c.n()), "text", dataSafe(oneLine(c.quote())))))
                    .append('\n');
        }
        String reply;
        try {
            reply = chat.chat(tp.render("system"), tp.render("user", Map.of("quotes", quotes.toString().strip())));
        } catch (LlmFailure f) {
            notes.add("llm.quotes.failed=" + f.reason());
            return "";
        }
        Map<Integer, String> byNumber = new LinkedHashMap<>();
        Matcher m = TRANSLATION_LINE.matcher(reply);
        while (m.find()) {
            byNumber.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2));
        }
        StringBuilder out = new StringBuilder();
        for (Citation c : arabic) {
            String t = byNumber.get(c.n());
            if (t == null || t.isBlank()) {
                continue;
            }
            out.append('\n').append(notices.render("translation.line", Map.of(
                    "n", String.valueOf(c.n()),
                    "original", c.quote(),
                    // The rendering is the model's words: no quotation marks, so it never reads as a quote.
                    "translation", t.replaceAll("[«»“”\"]", "").strip())));
        }
        if (out.isEmpty()) {
            notes.add("llm.quotes.failed=malformed-output");
            return "";
        }
        notes.add("llm.quotes.translated=" + out.toString().strip().lines().count());
        return "\n\n" + notices.render("translation.heading") + out;
    }

    private static String firstLine(String s) {
        return s.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("")
                .replaceAll("^[\"«“]+|[\"»”]+$", "").strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
