package org.isnad.answer;

/** What kind of answer a question wants; it decides which sentences count as evidence. */
public enum QuestionType { WHO, WHEN, WHERE, WHY, WHAT, HOW_MANY, YES_NO, OTHER }
