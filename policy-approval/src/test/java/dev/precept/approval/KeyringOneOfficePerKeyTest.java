package dev.precept.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.PolicyValidationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/** A keyring that trusts one key for two offices is refused when read, so sign and verify never disagree. */
class KeyringOneOfficePerKeyTest {
  private static final KeyPair KEY = SigningKeys.generate();
  private static final KeyPair OTHER = SigningKeys.generate();

  @Test
  void refusesOneKeyTrustedForTwoOfficesWithBothPlaces() {
    Keyring keyring = Keyring.builder()
        .addKeys(trusted("ceo", "Jane Smith", KEY), trusted("chair", "Jane Smith", KEY)).build();

    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> Approvals.readKeyring(Approvals.writeKeyring(keyring).getBytes(StandardCharsets.UTF_8), "keyring.yaml"));

    assertEquals(1, refused.diagnostics().size());
    assertEquals("/keys/1/publicKey", refused.diagnostics().get(0).pointer());
    assertTrue(refused.getMessage().contains("already trusted for office 'ceo' (/keys/0)"), refused.getMessage());
  }

  @Test
  void readsAKeyringWithADifferentKeyForEachOffice() {
    Keyring keyring = Keyring.builder()
        .addKeys(trusted("ceo", "Jane Smith", KEY), trusted("chair", "Tom Evans", OTHER)).build();

    assertEquals(keyring, Approvals.readKeyring(Approvals.writeKeyring(keyring).getBytes(StandardCharsets.UTF_8), "keyring.yaml"));
  }

  private static Keyring.TrustedKey trusted(String office, String name, KeyPair key) {
    return Keyring.TrustedKey.builder().office(office).name(name).publicKey(SigningKeys.publicPem(key.getPublic())).build();
  }
}
