package org.isnad.answer;

import org.isnad.answer.direct.DirectLineBuilder;
import org.isnad.config.IsnadConfig;
import org.isnad.index.ArchiveStore;
import org.slf4j.LoggerFactory;

/**
 * Builds the answer stack over one index: the glossary, dictionary and templates are loaded once
 * here, never per question. The composition root keeps one factory; the LLM answerer reuses
 * {@link #retriever()} and {@link #extractive()} (its fallback) and gets its own service through
 * {@link #service(Answerer)}.
 */
public final class AnswerFactory {

    private final ArchiveStore index;
    private final Templates templates;
    private final QuestionAnalyzer analyzer;
    private final PassageRetriever retriever;
    private final ExtractiveAnswerer extractive;
    private final DirectLineBuilder direct;

    public AnswerFactory(ArchiveStore index, IsnadConfig.Answer config) {
        this.index = index;
        int maxQuotes = config == null || config.maxQuotes() <= 0 ? 4 : config.maxQuotes();
        int candidates = config == null || config.candidatePassages() <= 0 ? 30 : config.candidatePassages();
        Glossary glossary = Glossary.load(config == null ? "glossary.tsv" : config.glossary(), index.analyzers());
        FreeDict dictionary = FreeDict.in(config == null ? "/usr/share/dictd" : config.freedictDir());
        DateMentions dates = new DateMentions();
        this.templates = Templates.load();
        this.direct = new DirectLineBuilder(index.analyzers(), glossary);
        this.analyzer = new QuestionAnalyzer(index.analyzers(), glossary, dictionary);
        boolean fitted = config != null && config.fittedDecision();
        if (config != null && !config.knownDecision()) {
            LoggerFactory.getLogger(AnswerFactory.class).warn(
                    "answer.decision is '{}', which is neither confidence nor fitted: the confidence gate decides", config.decision());
        }
        AnswerTuning tuning = AnswerTuning.defaults();
        this.retriever = fitted ? new PassageRetriever(index, candidates, tuning.expandedDocsPerLanguage(), true)
                : new PassageRetriever(index, candidates);
        this.extractive = new ExtractiveAnswerer(retriever, new EvidenceScorer(index.analyzers(), glossary, dates, index::idf),
                new EvidenceSelector(maxQuotes), new QuoteTrimmer(index.analyzers()), new AnswerWriter(templates), dates,
                new NameMatcher(index.analyzers()), fitted ? new AnswerabilityModel(tuning) : null);
    }

    public PassageRetriever retriever() {
        return retriever;
    }

    public ExtractiveAnswerer extractive() {
        return extractive;
    }

    public QuestionAnalyzer analyzer() {
        return analyzer;
    }

    public Templates templates() {
        return templates;
    }

    /** The entry point with the extractive answerer. */
    public AnswerService service() {
        return service(extractive);
    }

    /** The entry point with another answerer (LLM mode). */
    public AnswerService service(Answerer answerer) {
        return new AnswerService(index, analyzer, answerer, templates, direct);
    }
}
