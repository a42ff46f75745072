package org.isnad.index;

/**
 * The index schema. Two kinds of Lucene documents share one index: one "doc" entry per news document
 * (metadata and the stored text quotes are cut from) and one "passage" entry per passage (analyzed
 * text for retrieval plus offsets). Both carry {@link #OWNER} so a document and its passages are
 * replaced together, atomically.
 */
public final class Fields {

    private Fields() {}

    /** "doc" or "passage". */
    public static final String TYPE = "type";
    public static final String TYPE_DOC = "doc";
    public static final String TYPE_PASSAGE = "passage";

    /** The document id on both kinds of entries (exact, stored). */
    public static final String OWNER = "owner";

    // document entries
    public static final String TITLE = "title";
    public static final String DATE = "date";            // stored ISO string
    public static final String DATE_DAY = "date_day";    // LongPoint + doc values: epoch day, for filters and sorting
    public static final String OUTLET = "outlet";        // exact, stored
    public static final String OUTLET_KEY = "outlet_key"; // OutletNames.key of the outlet, exact: what filters match
    public static final String URL = "url";
    public static final String LANG = "lang";            // "ar" | "en" | "other", exact, stored
    public static final String TEXT = "text";            // stored body
    public static final String HASH = "hash";
    public static final String SOURCE = "source";

    // passage entries
    public static final String ORDINAL = "ordinal";
    public static final String PARAGRAPH = "paragraph";
    public static final String START = "start";
    public static final String END = "end";
    public static final String SENTENCES = "sentences";  // stored: start,end,paragraph,speaker;...
    /**
     * Passage text analyzed with the Arabic chain (normalization, light stemming, digits folded); each
     * word's unstemmed normalized form sits at the same position, for names and exact words.
     */
    public static final String BODY_AR = "body_ar";
    /** Passage text analyzed with the English chain (Porter stemming), unstemmed forms beside the stems. */
    public static final String BODY_EN = "body_en";
    /**
     * The document title and date, on each passage: a small boost for on-topic passages. Analyzed once
     * per document and replayed on each passage ({@link ReplayedTokens}).
     */
    public static final String TITLE_AR = "title_ar";
    public static final String TITLE_EN = "title_en";
}
