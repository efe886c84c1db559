package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.internal.Canonical;
import dev.precept.model.internal.IdentityCache;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A policy's digest is computed once per loaded policy and is always the digest of that policy. */
class PolicyDigestMemoTest {
  @Test
  void theSamePolicyGivesTheSameDigestWithoutComputingItAgain() {
    Policy policy = PolicyLoader.standard().load(java.nio.file.Path.of("../examples/connect-academy-trust/social-media-policy.yaml"));

    PolicyDigest first = PolicyDigest.of(policy);

    assertSame(first, PolicyDigest.of(policy), "the second call answers from memory");
    assertEquals(HexFormat.of().formatHex(Canonical.sha256(policy)), first.hex());
  }

  @Test
  void anEqualCopyGetsTheSameDigestAndAChangedCopyADifferentOne() {
    Policy policy = PolicyLoader.standard().load(java.nio.file.Path.of("../examples/connect-academy-trust/social-media-policy-2017.yaml"));
    Policy copy = Policy.builder().from(policy).build();
    Policy changed = Policy.builder().from(policy).id(policy.id() + "-changed").build();

    assertEquals(PolicyDigest.of(policy), PolicyDigest.of(copy));
    assertNotEquals(PolicyDigest.of(policy), PolicyDigest.of(changed));
  }

  @Test
  void theCacheComputesOncePerObjectAndForgetsObjectsNoLongerUsed() throws Exception {
    IdentityCache<Object, String> cache = new IdentityCache<>();
    AtomicInteger computed = new AtomicInteger();
    Object kept = new Object();
    cache.computeIfAbsent(kept, k -> "kept" + computed.incrementAndGet());
    assertEquals("kept1", cache.computeIfAbsent(kept, k -> "kept" + computed.incrementAndGet()));
    String a = new String("same text");
    String b = new String("same text");
    assertNotEquals(cache.computeIfAbsent(a, k -> "a"), cache.computeIfAbsent(b, k -> "b"), "by identity, not equality");
    for (int i = 0; i < 1_000; i++) {
      cache.computeIfAbsent(new Object(), k -> "garbage");
    }
    for (int i = 0; i < 50 && cache.size() > 3; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertTrue(cache.size() <= 3 + 10, "collected keys are dropped, not kept for ever: " + cache.size());
    assertEquals(1, computed.get());
  }
}
