/**
 * Approvals: the records that bind a signatory's decision to a policy's digest, the keyring of
 * keys trusted for each office, and verification that returns data.
 *
 * <p>Entry point: {@link dev.precept.approval.ApprovalCheck#verify}, which says whether every
 * signatory approved exactly this edition, and why not.
 *
 * <p>The public API: {@link dev.precept.approval.ApprovalCheck}, {@link
 * dev.precept.approval.ApprovalStatus}, {@link dev.precept.approval.ApprovalRecord}, {@link
 * dev.precept.approval.Decision}, {@link dev.precept.approval.Approvals} (files and signing),
 * {@link dev.precept.approval.Keyring} and {@link dev.precept.approval.SigningKeys}.
 */
@dev.precept.model.PreceptStyle
package dev.precept.approval;
