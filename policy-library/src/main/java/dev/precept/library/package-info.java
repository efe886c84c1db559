/**
 * A trust's library of policies: every edition of every policy kept in one folder, whether each
 * edition's approvals verify, and which edition is in force on a date.
 *
 * <p>Entry point: {@link dev.precept.library.PolicyLibrary#open(java.nio.file.Path)}.
 *
 * <pre>{@code
 * PolicyLibrary library = PolicyLibrary.open(Path.of("policies"));
 * InForce choice = library.inForce("cat-social-media", LocalDate.of(2017, 3, 1), Drafts.REFUSED);
 * choice.edition().ifPresent(e -> System.out.println(e.version() + ": " + choice.reason()));
 * library.problems().forEach(p -> System.out.println(p.file() + ": " + p.message()));
 * }</pre>
 *
 * <h2>The folder</h2>
 * Policies sit in the folder or in sub-folders of it (one per policy is tidy, flat files work as
 * well). An edition is a YAML file with a {@code schemaVersion}; editions of one policy share its
 * {@code id} and are told apart by file name ({@code social-media-policy.yaml},
 * {@code social-media-policy-2017.yaml}). Beside each edition may sit
 * {@code <name>.approvals.yaml} (its signed approvals), {@code <name>.keyring.yaml} (the keys
 * trusted to sign them) and {@code <name>.cases.yaml} (its test cases). Other YAML files (incidents,
 * cases) are not editions and are passed over; folders named {@code target} or starting with a
 * dot are not read. A trust's folder also holds {@code academies/<academy>/<name>.overlay.yaml},
 * each academy's overlay on a master, with its Local Governing Body's approvals beside it: read in
 * the same pass, and seen through {@link dev.precept.library.PolicyLibrary#trust()}
 * ({@link dev.precept.library.TrustLibrary}: an academy's policy and the trust's register).
 */
@LibraryStyle
package dev.precept.library;
