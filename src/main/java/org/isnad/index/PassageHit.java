package org.isnad.index;

import org.isnad.archive.Passage;

/** A retrieved passage: {@code text} equals the document text's {@code substring(passage.start(), passage.end())}. */
public record PassageHit(Passage passage, String text, DocInfo doc, float score) {}
