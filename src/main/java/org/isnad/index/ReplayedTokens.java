package org.isnad.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A short text analyzed once and replayed as a token stream for many fields: a document's title goes
 * on every one of its passages, and analyzing it again for each would cost as much as the body.
 */
final class ReplayedTokens extends TokenStream {

    /** The terms and position increments of one analysis. */
    record Recording(List<String> terms, int[] increments) {
        boolean isEmpty() {
            return terms.isEmpty();
        }

        TokenStream replay() {
            return new ReplayedTokens(this);
        }
    }

    static Recording record(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                increments.add(inc.getPositionIncrement());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Recording(List.copyOf(terms), increments.stream().mapToInt(Integer::intValue).toArray());
    }

    private final Recording recording;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int next;

    private ReplayedTokens(Recording recording) {
        this.recording = recording;
    }

    @Override
    public boolean incrementToken() {
        if (next >= recording.terms().size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(recording.terms().get(next));
        increment.setPositionIncrement(recording.increments()[next]);
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
