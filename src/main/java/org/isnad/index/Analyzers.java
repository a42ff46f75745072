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
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.isnad.text.Language;

/**
 * The analysis chains, one per field family. Each is a short pipeline of Lucene's own filters; the
 * Arabic one follows {@link ArabicAnalyzer} and adds Persian letter folding (ی ک) so that text typed on
 * Persian keyboards matches.
 */
public final class Analyzers {

    private final Analyzer arabic = new ArabicChain();
    private final Analyzer english = new EnglishChain();
    private final Analyzer exact = new ExactChain();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(exact, Map.of(
            Fields.BODY_AR, arabic, Fields.TITLE_AR, arabic,
            Fields.BODY_EN, english, Fields.TITLE_EN, english,
            Fields.BODY_EXACT, exact));

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

    /** The terms {@code text} produces in {@code field}, in order (duplicates kept). */
    public List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = forField(field).tokenStream(field, text)) {
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

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new DecimalDigitFilter(result);
            // the stopword list is not normalized, so stopwords are removed before normalization.
            result = new StopFilter(result, STOPWORDS);
            result = new PersianNormalizationFilter(result);
            result = new ArabicNormalizationFilter(result);
            result = new ArabicStemFilter(result);
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

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new DecimalDigitFilter(result);
            result = new StopFilter(result, STOPWORDS);
            result = new PorterStemFilter(result);
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
