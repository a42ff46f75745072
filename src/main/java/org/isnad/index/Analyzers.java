package org.isnad.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.isnad.text.Language;

/**
 * The analysis chains, one per field family. Each is a short pipeline of Lucene's own filters; the
 * Arabic one follows {@link ArabicAnalyzer} and adds Persian letter folding (ی ک) so that text typed on
 * Persian keyboards matches.
 *
 * <p>At index time the body chains also keep each word's unstemmed (normalized) form at the same
 * position as its stem, so names and exact words are searchable without a second field and the text
 * is tokenized once. Overlapping tokens do not count towards BM25's length norm, so stemmed queries
 * score as before. Queries use the plain chains: {@link #arabic()} and {@link #english()} for stems,
 * {@link #exact()} for unstemmed words.
 */
public final class Analyzers {

    private final Analyzer arabic = new ArabicChain(false);
    private final Analyzer english = new EnglishChain(false);
    private final Analyzer exact = new ExactChain();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(exact, Map.of(
            Fields.BODY_AR, new ArabicChain(true), Fields.TITLE_AR, arabic,
            Fields.BODY_EN, new EnglishChain(true), Fields.TITLE_EN, english));

    public Analyzer arabic() {
        return arabic;
    }

    public Analyzer english() {
        return english;
    }

    public Analyzer exact() {
        return exact;
    }

    /** The analyzer the index writer uses: each field with its own chain. */
    public Analyzer perField() {
        return perField;
    }

    /** The stemmed body field for documents in {@code language} (English chain for "other"). */
    public static String bodyField(Language language) {
        return language == Language.AR ? Fields.BODY_AR : Fields.BODY_EN;
    }

    public static String titleField(Language language) {
        return language == Language.AR ? Fields.TITLE_AR : Fields.TITLE_EN;
    }

    /** The analyzer for a field of this schema. */
    public Analyzer forField(String field) {
        return switch (field) {
            case Fields.BODY_AR, Fields.TITLE_AR -> arabic;
            case Fields.BODY_EN, Fields.TITLE_EN -> english;
            default -> exact;
        };
    }

    /** The terms {@code text} produces in the stemmed body field of {@code language}'s documents, in order. */
    public List<String> bodyTerms(Language language, String text) {
        return terms(bodyField(language), text);
    }

    /** The terms {@code text} produces in the title field of {@code language}'s documents, in order. */
    public List<String> titleTerms(Language language, String text) {
        return terms(titleField(language), text);
    }

    /** The terms {@code text} produces in {@code field}, in order (duplicates kept). */
    public List<String> terms(String field, String text) {
        return terms(forField(field), field, text);
    }

    /** The terms {@code analyzer} produces for {@code text}, in order (duplicates kept). */
    public List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Arabic: tokenize, lower-case Latin, fold digits, drop stopwords, normalize letters, light-stem. */
    static final class ArabicChain extends Analyzer {
        private static final CharArraySet STOPWORDS = ArabicAnalyzer.getDefaultStopSet();
        private final boolean keepUnstemmed;

        ArabicChain(boolean keepUnstemmed) {
            this.keepUnstemmed = keepUnstemmed;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new DecimalDigitFilter(result);
            // the stopword list is not normalized, so stopwords are removed before normalization.
            result = new StopFilter(result, STOPWORDS);
            result = new PersianNormalizationFilter(result);
            result = new ArabicNormalizationFilter(result);
            if (keepUnstemmed) {
                result = new KeywordRepeatFilter(result);
            }
            result = new ArabicStemFilter(result);
            if (keepUnstemmed) {
                result = new RemoveDuplicatesTokenFilter(result);
            }
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)));
        }
    }

    /** English: tokenize, drop possessives, lower-case, fold digits, drop stopwords, Porter-stem. */
    static final class EnglishChain extends Analyzer {
        private static final CharArraySet STOPWORDS = EnglishAnalyzer.getDefaultStopSet();
        private final boolean keepUnstemmed;

        EnglishChain(boolean keepUnstemmed) {
            this.keepUnstemmed = keepUnstemmed;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new DecimalDigitFilter(result);
            result = new StopFilter(result, STOPWORDS);
            if (keepUnstemmed) {
                result = new KeywordRepeatFilter(result);
            }
            result = new PorterStemFilter(result);
            if (keepUnstemmed) {
                result = new RemoveDuplicatesTokenFilter(result);
            }
            return new TokenStreamComponents(source, result);
        }
    }

    /** Exact words in any language: tokenize, lower-case, fold digits and Arabic letter forms; no stemming. */
    static final class ExactChain extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new DecimalDigitFilter(result);
            result = new PersianNormalizationFilter(result);
            result = new ArabicNormalizationFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }
}
