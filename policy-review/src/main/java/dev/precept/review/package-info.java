/**
 * The annual review: what changed between two editions (clause by clause, with word-level
 * redlines), which rulings change, and the Board's review pack.
 *
 * <p>Entry points: {@link dev.precept.review.PolicyDiff#between} for a {@link
 * dev.precept.review.ChangeSummary}, and {@link dev.precept.review.BoardPack} for the pack.
 *
 * <p>The public API: {@link dev.precept.review.PolicyDiff}, {@link
 * dev.precept.review.ChangeSummary}, {@link dev.precept.review.Change}, {@link
 * dev.precept.review.RulingChange} and {@link dev.precept.review.BoardPack}.
 */
@dev.precept.model.PreceptStyle
package dev.precept.review;
