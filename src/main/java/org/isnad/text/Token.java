package org.isnad.text;

/** A word of a text: {@code text} equals the source's {@code substring(start, end)}. */
public record Token(String text, int start, int end) {}
