package org.isnad.answer;

/**
 * One verified quotation, numbered {@code n} as the answer's [n] markers. Invariant, checked by the
 * quote verifier before any citation leaves the core: the document's text
 * {@code .substring(start, end)} equals {@code quote}. {@code date} is ISO (yyyy-MM-dd) or null.
 */
public record Citation(
        int n,
        String docId,
        String title,
        String outlet,
        String date,
        String quote,
        int start,
        int end,
        String speaker) {}
