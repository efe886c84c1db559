package dev.precept.model;

import org.apiguardian.api.API;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean": the declared names closest to a misspelt one. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DidYouMean {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private DidYouMean() {}

  /** Up to three candidates, closest first; only those close enough to be a plausible typo. */
  public static List<String> closest(String wrong, Collection<String> candidates) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .distinct()
        .filter(c -> isClose(lower, c.toLowerCase(Locale.ROOT)))
        .sorted(Comparator.comparingInt((String c) -> DISTANCE.apply(lower, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .limit(3)
        .collect(Collectors.toList());
  }

  private static boolean isClose(String wrong, String candidate) {
    if (candidate.contains(wrong) || wrong.contains(candidate)) {
      return true;
    }
    // An id with a word left out ('conduct.logo' for 'conduct.name-and-logo') is close too.
    String[] words = wrong.split("[.-]");
    if (words.length > 1 && java.util.Arrays.stream(words).allMatch(w -> w.length() >= 3 && candidate.contains(w))) {
      return true;
    }
    int limit = Math.max(2, Math.min(wrong.length(), candidate.length()) / 3);
    return DISTANCE.apply(wrong, candidate) <= limit;
  }

  /**
   * A hint naming the closest candidates, or listing what is declared when none is close.
   *
   * @param what how to describe the candidates ("declared roles and groups")
   */
  public static String hint(String wrong, Collection<String> candidates, String what) {
    List<String> close = closest(wrong, candidates);
    if (!close.isEmpty()) {
      return "did you mean " + close.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or ")) + "?";
    }
    if (candidates.isEmpty()) {
      return "none are declared";
    }
    List<String> sorted = candidates.stream().distinct().sorted().collect(Collectors.toList());
    String listed = sorted.stream().limit(12).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return what + ": " + listed + (sorted.size() > 12 ? ", ..." : "");
  }
}
