package org.isnad.answer;

/** A retrieved passage considered for an answer, with its retrieval score (kept for the answer log). */
public record Candidate(String docId, int start, int end, double score) {}
