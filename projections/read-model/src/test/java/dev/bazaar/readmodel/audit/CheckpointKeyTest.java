package dev.bazaar.readmodel.audit;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain's format: digests that chain, and checkpoints that only the signing key signs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckpointKeyTest {

    private static final byte[] DIGEST = HexFormat.of().parseHex(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    @Test
    void a_checkpoint_signed_with_the_key_verifies_with_the_published_public_key_alone() throws Exception {
        var signing = AuditKeys.fromPkcs8(AuditKeys.newSigningKey());
        byte[] signature = signing.sign(1000, DIGEST);

        var published = new CheckpointKey(null, AuditKeys.publicKeyFromX509(
                Base64.getEncoder().encodeToString(signing.publicKey().getEncoded())));

        assertThat(published.verifies(1000, DIGEST, signature)).isTrue();
        assertThat(published.id()).isEqualTo(signing.id()).hasSize(16);
    }

    @Test
    void a_signature_is_for_one_position_and_one_digest() {
        var key = AuditKeys.fromPkcs8(AuditKeys.newSigningKey());
        byte[] signature = key.sign(1000, DIGEST);
        byte[] otherDigest = DIGEST.clone();
        otherDigest[0] ^= 1;

        assertThat(key.verifies(2000, DIGEST, signature)).isFalse();
        assertThat(key.verifies(1000, otherDigest, signature)).isFalse();
    }

    @Test
    void another_key_signs_differently_and_is_named_differently() {
        var one = AuditKeys.fromPkcs8(AuditKeys.newSigningKey());
        var other = AuditKeys.fromPkcs8(AuditKeys.newSigningKey());

        assertThat(other.verifies(1000, DIGEST, one.sign(1000, DIGEST))).isFalse();
        assertThat(other.id()).isNotEqualTo(one.id());
    }

    @Test
    void a_verifier_holding_only_the_public_key_cannot_sign() throws Exception {
        var signing = AuditKeys.fromPkcs8(AuditKeys.newSigningKey());
        var verifier = new CheckpointKey(null, signing.publicKey());

        assertThatThrownBy(() -> verifier.sign(1, DIGEST)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void what_is_not_an_ed25519_key_is_refused() {
        assertThatThrownBy(() -> AuditKeys.fromPkcs8(Base64.getEncoder().encodeToString(new byte[48])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ed25519");
    }

    @Test
    void each_digest_follows_from_the_previous_and_the_position_bytes() {
        var link = new ChainLink();
        byte[] first = link.next(ChainLink.GENESIS, "one".getBytes());
        byte[] second = link.next(first, "two".getBytes());

        assertThat(link.next(ChainLink.GENESIS, "one".getBytes())).isEqualTo(first);
        assertThat(link.next(ChainLink.GENESIS, "two".getBytes())).as("the history is part of it").isNotEqualTo(second);
        assertThat(first).hasSize(32);
    }

}
