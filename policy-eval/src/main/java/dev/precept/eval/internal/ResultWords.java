package dev.precept.eval.internal;

import dev.precept.eval.ConditionCheck;
import dev.precept.eval.ExceptionRuling;
import dev.precept.eval.StepCheck;

/** The words rulings' JSON writes for the results of checks, exceptions and steps. */
final class ResultWords {
  private ResultWords() {}

  static String word(ConditionCheck.Result result) {
    return switch (result) {
      case SATISFIED -> "satisfied";
      case DEFEATED -> "defeated";
      case UNKNOWN -> "unknown";
    };
  }

  static String word(ExceptionRuling.Result result) {
    return switch (result) {
      case MET -> "met";
      case NOT_MET -> "not-met";
      case UNDETERMINED -> "undetermined";
    };
  }

  static String word(StepCheck.Result result) {
    return switch (result) {
      case KEPT -> "kept";
      case NOT_NEEDED -> "not-needed";
      case NOT_DONE -> "not-done";
      case OUT_OF_ORDER -> "out-of-order";
      case LATE -> "late";
      case UNKNOWN -> "unknown";
    };
  }}
