package org.isnad.answer;

import java.util.List;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.answer.direct.DirectLineBuilder;
import org.isnad.index.ArchiveStore;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for questions: the CLI, the bot and the briefings all call {@link #ask}.
 * Checks the input, analyzes the question, lets the answerer draft an answer, and passes every draft
 * through the {@link QuoteVerifier}. Never throws: bad input and internal failures become a clear
 * answer with {@code answered == false}. Thread-safe.
 */
public final class AnswerService {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);

    private final ArchiveStore index;
    private final QuestionAnalyzer analyzer;
    private final Answerer answerer;
    private final Templates templates;
    private final InputGuard guard = new InputGuard();
    private final QuoteVerifier verifier = new QuoteVerifier();
    private final LanguageDetector detector = new LanguageDetector();

    private final DirectLineBuilder direct;

    public AnswerService(ArchiveStore index, QuestionAnalyzer analyzer, Answerer answerer, Templates templates) {
        this(index, analyzer, answerer, templates, null);
    }

    /** {@code direct} (nullable: no direct line) states the answer itself from the verified quotes. */
    public AnswerService(ArchiveStore index, QuestionAnalyzer analyzer, Answerer answerer, Templates templates,
                         DirectLineBuilder direct) {
        this.direct = direct;
        this.index = index;
        this.analyzer = analyzer;
        this.answerer = answerer;
        this.templates = templates;
    }

    public QuestionAnalyzer analyzer() {
        return analyzer;
    }

    public Answerer answerer() {
        return answerer;
    }

    /** A cited answer, or a plain statement that the sources (or the input) do not allow one. */
    public Answer ask(AskRequest request) {
        long t0 = System.nanoTime();
        String original = request == null || request.question() == null ? "" : request.question();
        Language forced = request == null ? null : request.forcedLanguage();
        Language language = Language.EN;
        try {
            InputGuard.Checked checked = guard.check(original);
            language = forced != null && forced != Language.OTHER ? forced
                    : detector.detect(checked.cleaned()) == Language.AR ? Language.AR : Language.EN;
            if (checked.problem() != null) {
                return new Answer(original, language.code(), false, templates.get(language, checked.problem()),
                        List.of(), List.of(), answerer.mode(), ms(t0), List.of(), List.of(checked.problem()));
            }
            Question q = analyzer.analyze(original, checked.cleaned(), forced);
            language = q.language();
            DocumentTexts texts = new DocumentTexts(index);
            Draft draft = verifier.verify(answerer.answer(q, texts), texts::text);
            if (draft.answered() && draft.citations().isEmpty()) {
                draft = Draft.notAnswered(templates.get(language, "not_answered"), draft.candidates(), draft.notes());
            }
            DirectAnswer line = directLine(q, draft, texts);
            return new Answer(original, language.code(), draft.answered(), draft.text(), draft.citations(),
                    draft.conflicts(), modeOf(draft), ms(t0), draft.candidates(), draft.notes(), line);
        } catch (org.isnad.index.ArchiveUnavailableException e) {
            // the cluster is down or busy: say so plainly; the next question tries again
            LOG.warn("archive unavailable: {}", e.getMessage());
            return new Answer(original, language.code(), false, templates.get(language, "unavailable"), List.of(), List.of(),
                    answerer.mode(), ms(t0), List.of(), List.of("unavailable: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("answering failed: {}", e.toString(), e);
            return new Answer(original, language.code(), false, templates.get(language, "error"), List.of(), List.of(),
                    answerer.mode(), ms(t0), List.of(), List.of("error: " + e));
        }
    }

    /**
     * The direct line's span candidates in one citation of an answer to {@code question}, with their
     * features: what the span model is fitted on ({@code isnad eval --span-features}).
     */
    public List<org.isnad.answer.direct.SpanCandidate> spanCandidates(String question, Citation c, Language language) {
        if (direct == null) {
            return List.of();
        }
        InputGuard.Checked checked = guard.check(question);
        return direct.spanCandidates(analyzer.analyze(question, checked.cleaned(), null), c, language);
    }

    /** The direct line; a failure here costs the line, never the verified answer. */
    private DirectAnswer directLine(Question q, Draft draft, DocumentTexts texts) {
        if (direct == null || !draft.answered()) {
            return null;
        }
        try {
            return direct.build(q, draft.citations(),
                    id -> texts.document(id).map(org.isnad.archive.Document::language).orElse(null), texts::text);
        } catch (RuntimeException e) {
            LOG.warn("direct line failed: {}", e.toString(), e);
            return null;
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The mode that produced the text: an answerer that fell back says so in a "fallback=" note. */
    private String modeOf(Draft draft) {
        boolean fellBack = draft.notes().stream().anyMatch(n -> n.startsWith("fallback="));
        return fellBack ? "extractive" : answerer.mode();
    }
}
