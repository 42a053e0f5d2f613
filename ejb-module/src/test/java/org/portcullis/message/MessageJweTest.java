package org.portcullis.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.UnprotectedHeader;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.impl.AAD;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwe.ContentEncryptionAlgorithm;
import org.jose4j.jwe.ContentEncryptionParts;
import org.jose4j.jwe.KeyManagementAlgorithm;
import org.jose4j.jwx.Headers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portcullis.handset.HandsetPublicKey;

class MessageJweTest {

  private static KeyPair ec;
  private static KeyPair rsa;
  private static MessageJwe.ServerKey server;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
    ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
    ec = ecGenerator.generateKeyPair();
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048);
    rsa = rsaGenerator.generateKeyPair();
    server = new MessageJwe.ServerKey("messagewrap-1", aesKey());
  }

  private static SecretKey aesKey() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    return generator.generateKey();
  }

  enum Kind {
    EC,
    RSA
  }

  private static KeyPair pair(Kind kind) {
    return kind == Kind.EC ? ec : rsa;
  }

  private static HandsetPublicKey publicKey(Kind kind) {
    return HandsetPublicKey.parse(
        Base64.getEncoder().encodeToString(pair(kind).getPublic().getEncoded()));
  }

  private static final MessageContent CONTENT =
      new MessageContent("Your card", "Your new card is on its way. Grüße, ✓");

  private static MessageJwe.Sealed seal() {
    return MessageJwe.seal("msg-1", "47401100", CONTENT.encode(), server);
  }

  /**
   * Decrypts one recipient's JWE with jose4j's own key management and content encryption, which
   * share no code with Nimbus: proof that the format is standard JWE.
   */
  static byte[] decryptWithJose4j(String jweJson, PrivateKey key) throws Exception {
    Map<String, Object> jwe = JSONObjectUtils.parse(jweJson);
    String encodedProtected = (String) jwe.get("protected");
    Map<String, Object> recipient = JSONObjectUtils.getJSONObjectArray(jwe, "recipients")[0];
    Map<String, Object> merged =
        new HashMap<>(
            JSONObjectUtils.parse(
                new String(
                    Base64.getUrlDecoder().decode(encodedProtected), StandardCharsets.UTF_8)));
    merged.putAll(JSONObjectUtils.getJSONObject(recipient, "header"));
    Headers headers = new Headers();
    headers.setFullHeaderAsJsonString(JSONObjectUtils.toJSONString(merged));
    AlgorithmFactoryFactory algorithms = AlgorithmFactoryFactory.getInstance();
    KeyManagementAlgorithm keyManagement =
        algorithms
            .getJweKeyManagementAlgorithmFactory()
            .getAlgorithm(headers.getStringHeaderValue("alg"));
    ContentEncryptionAlgorithm content =
        algorithms
            .getJweContentEncryptionAlgorithmFactory()
            .getAlgorithm(headers.getStringHeaderValue("enc"));
    ProviderContext context = new ProviderContext();
    java.security.Key contentKey =
        keyManagement.manageForDecrypt(
            keyManagement.prepareForDecrypt(key, headers, context),
            Base64.getUrlDecoder().decode((String) recipient.get("encrypted_key")),
            content.getContentEncryptionKeyDescriptor(),
            headers,
            context);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    return content.decrypt(
        new ContentEncryptionParts(
            b64.decode((String) jwe.get("iv")),
            b64.decode((String) jwe.get("ciphertext")),
            b64.decode((String) jwe.get("tag"))),
        encodedProtected.getBytes(StandardCharsets.US_ASCII),
        contentKey.getEncoded(),
        headers,
        context);
  }

  /**
   * Decrypts with Nimbus' decrypters, as an app using Nimbus would: the recipient's header joined
   * to the protected one. (Nimbus' {@code JWEObjectJSON} reads per-recipient headers only when
   * there are two recipients or more, so a one-recipient JWE goes through the decrypter itself.)
   */
  private static byte[] decryptWithNimbus(String jweJson, JWK privateJwk) throws Exception {
    Map<String, Object> jwe = JSONObjectUtils.parse(jweJson);
    Map<String, Object> recipient = JSONObjectUtils.getJSONObjectArray(jwe, "recipients")[0];
    Base64URL encodedProtected = JSONObjectUtils.getBase64URL(jwe, "protected");
    JWEHeader joined =
        (JWEHeader)
            JWEHeader.parse(encodedProtected)
                .join(UnprotectedHeader.parse(JSONObjectUtils.getJSONObject(recipient, "header")));
    JWEDecrypter decrypter =
        privateJwk instanceof ECKey ecKey
            ? new ECDHDecrypter(ecKey)
            : new RSADecrypter((RSAKey) privateJwk);
    return decrypter.decrypt(
        joined,
        JSONObjectUtils.getBase64URL(recipient, "encrypted_key"),
        JSONObjectUtils.getBase64URL(jwe, "iv"),
        JSONObjectUtils.getBase64URL(jwe, "ciphertext"),
        JSONObjectUtils.getBase64URL(jwe, "tag"),
        AAD.compute(encodedProtected));
  }

  private static JWK privateJwk(Kind kind, String kid) {
    return kind == Kind.EC
        ? new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic())
            .privateKey(ec.getPrivate())
            .keyID(kid)
            .build()
        : new RSAKey.Builder((RSAPublicKey) rsa.getPublic())
            .privateKey(rsa.getPrivate())
            .keyID(kid)
            .build();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aHandsetReadsItsCopyWithTwoIndependentImplementations(Kind kind) throws Exception {
    MessageJwe.Sealed sealed = seal();
    MessageJwe.Recipient entry =
        MessageJwe.wrapFor(sealed.body(), sealed.contentKey(), "hs-abc", publicKey(kind));
    String jwe = MessageJwe.forRecipientJson(sealed.body(), entry);

    byte[] byJose4j = decryptWithJose4j(jwe, pair(kind).getPrivate());
    assertEquals(CONTENT, MessageContent.decode(byJose4j));
    assertArrayEquals(byJose4j, decryptWithNimbus(jwe, privateJwk(kind, "hs-abc")));

    Map<String, Object> header = JSONObjectUtils.parse(entry.header());
    assertEquals("hs-abc", header.get("kid"));
    assertEquals(kind == Kind.EC ? "ECDH-ES+A256KW" : "RSA-OAEP-256", header.get("alg"));
    assertEquals(kind == Kind.EC, header.containsKey("epk"));
  }

  @Test
  void theProtectedHeaderNamesTheMessageAndTheSenderAndNothingSecret() throws Exception {
    MessageJwe.Sealed sealed = seal();
    Map<String, Object> header =
        JSONObjectUtils.parse(
            new String(
                Base64.getUrlDecoder().decode(sealed.body().protectedHeader()),
                StandardCharsets.UTF_8));
    assertEquals(Map.of("enc", "A256GCM", "msg", "msg-1", "snd", "47401100"), header);
    String everything = sealed.body().toString() + sealed.serverEntry();
    assertFalse(everything.contains("card"), everything);
  }

  @Test
  void theBodyIsEncryptedOnceAndLaterRecipientsShareIt() throws Exception {
    MessageJwe.Sealed sealed = seal();
    MessageJwe.Recipient first =
        MessageJwe.wrapFor(sealed.body(), sealed.contentKey(), "hs-1", publicKey(Kind.EC));
    // later: the content key comes back from the server's entry, the body is the stored one
    SecretKey unwrapped =
        MessageJwe.unwrapServerEntry(sealed.serverEntry(), Map.of("messagewrap-1", server.key()));
    assertArrayEquals(sealed.contentKey().getEncoded(), unwrapped.getEncoded());
    MessageJwe.Recipient late =
        MessageJwe.wrapFor(sealed.body(), unwrapped, "hs-2", publicKey(Kind.RSA));
    assertNotEquals(first.encryptedKey(), late.encryptedKey());
    assertEquals(
        CONTENT,
        MessageContent.decode(
            decryptWithJose4j(MessageJwe.forRecipientJson(sealed.body(), late), rsa.getPrivate())));
  }

  @Test
  void theServersEntryIsA256kwUnderItsNamedKey() throws Exception {
    MessageJwe.Sealed sealed = seal();
    assertEquals(
        Map.of("alg", "A256KW", "kid", "messagewrap-1"),
        JSONObjectUtils.parse(sealed.serverEntry().header()));
    assertThrows(
        IllegalArgumentException.class,
        () -> MessageJwe.unwrapServerEntry(sealed.serverEntry(), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MessageJwe.unwrapServerEntry(sealed.serverEntry(), Map.of("messagewrap-1", aesKey())));
  }

  @Test
  void anEntryMovedToAnotherHandsetDoesNotOpen() throws Exception {
    MessageJwe.Sealed sealed = seal();
    MessageJwe.Recipient forEc =
        MessageJwe.wrapFor(sealed.body(), sealed.contentKey(), "hs-ec", publicKey(Kind.EC));
    // the same entry relabelled for another handset: its key still cannot unwrap it
    Map<String, Object> relabelled = JSONObjectUtils.parse(forEc.header());
    relabelled.put("kid", "hs-other");
    String moved =
        MessageJwe.forRecipientJson(
            sealed.body(),
            new MessageJwe.Recipient(
                JSONObjectUtils.toJSONString(relabelled), forEc.encryptedKey()));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair other = generator.generateKeyPair();
    assertThrows(Exception.class, () -> decryptWithJose4j(moved, other.getPrivate()));
  }

  @Test
  void aBodyMovedToAnotherMessageFailsItsTag() throws Exception {
    MessageJwe.Sealed one = seal();
    MessageJwe.Sealed two = MessageJwe.seal("msg-2", "47401100", CONTENT.encode(), server);
    MessageJwe.Recipient entry =
        MessageJwe.wrapFor(two.body(), two.contentKey(), "hs-ec", publicKey(Kind.EC));
    // message 2's key with message 1's header: the AEAD refuses
    MessageJwe.Body spliced =
        new MessageJwe.Body(
            one.body().protectedHeader(),
            two.body().iv(),
            two.body().ciphertext(),
            two.body().tag());
    String jwe = MessageJwe.forRecipientJson(spliced, entry);
    assertThrows(Exception.class, () -> decryptWithJose4j(jwe, ec.getPrivate()));
    assertThrows(JOSEException.class, () -> decryptWithNimbus(jwe, privateJwk(Kind.EC, "hs-ec")));
  }

  @Test
  void theRecipientsJweIsGeneralJsonWithOneRecipient() {
    MessageJwe.Sealed sealed = seal();
    MessageJwe.Recipient entry =
        MessageJwe.wrapFor(sealed.body(), sealed.contentKey(), "hs-1", publicKey(Kind.RSA));
    Map<String, Object> jwe = MessageJwe.forRecipient(sealed.body(), entry);
    assertEquals(
        List.of("protected", "recipients", "iv", "ciphertext", "tag"), List.copyOf(jwe.keySet()));
    assertTrue(jwe.get("recipients") instanceof List<?> list && list.size() == 1);
  }

  @Test
  void everySealUsesAFreshContentKeyAndIv() {
    MessageJwe.Sealed one = seal();
    MessageJwe.Sealed two = seal();
    assertNotEquals(one.body().iv(), two.body().iv());
    assertNotEquals(one.body().ciphertext(), two.body().ciphertext());
    assertFalse(
        java.util.Arrays.equals(one.contentKey().getEncoded(), two.contentKey().getEncoded()));
  }
}
