package org.portcullis.system;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.FunctionCodeTable;

/**
 * A system that asks Portcullis to verify customers. Identified publicly by an 8-digit system ID;
 * authenticates with a secret of which only a peppered hash is stored.
 */
@Entity
@Table(name = "relying_system")
@NamedQuery(
    name = "RelyingSystem.bySystemId",
    query = "SELECT s FROM RelyingSystem s WHERE s.systemId = :systemId")
@NamedQuery(name = "RelyingSystem.all", query = "SELECT s FROM RelyingSystem s ORDER BY s.name")
public class RelyingSystem {

  /** A system ID is exactly eight decimal digits. */
  public static final String SYSTEM_ID_PATTERN = "[0-9]{8}";

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "system_id", nullable = false, updatable = false)
  private String systemId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String roles;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(nullable = false)
  private boolean enabled;

  @Embedded private PinPadPolicy pinPad;

  @Embedded private PatternPolicy pattern;

  @Embedded private MessagePolicy messages;

  /** The webhook's signing secret, sealed with the secret box; null without a webhook. */
  @Column(name = "webhook_secret")
  private String webhookSecret;

  /** A system ID shared by a fleet (ATMs, say): never personal attributes, only pairwise IDs. */
  @Column(nullable = false)
  private boolean shared;

  /** {@link FunctionCodeTable#encode()}; null while the default table applies. */
  @Column(name = "function_codes")
  private String functionCodes;

  /** Attribute names a confirmer may receive, comma-separated. */
  @Column(name = "attribute_allowance", nullable = false)
  private String attributeAllowance;

  /** The sealed HMAC key of this system's pairwise IDs; made on first need. */
  @Column(name = "pairwise_key")
  private String pairwiseKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected RelyingSystem() {}

  public RelyingSystem(
      String systemId,
      String name,
      Set<SystemRole> roles,
      String secretHash,
      PinPadPolicy pinPad,
      Instant createdAt) {
    this.systemId = systemId;
    this.name = name;
    this.roles = encode(roles);
    this.secretHash = secretHash;
    this.pinPad = pinPad;
    this.pattern = PatternPolicy.defaults();
    this.messages = MessagePolicy.defaults();
    this.attributeAllowance = "";
    this.enabled = true;
    this.createdAt = createdAt;
  }

  private static String encode(Set<SystemRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  public boolean hasRole(SystemRole role) {
    return roles().contains(role);
  }

  /**
   * @throws DomainException forbidden ({@code role-required}) unless the system has {@code role}
   */
  public void requireRole(SystemRole role) {
    if (!hasRole(role)) {
      throw DomainException.forbidden(
          "role-required", "This system is not registered as a " + role);
    }
  }

  public void rotateSecret(String newSecretHash) {
    this.secretHash = newSecretHash;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  public void changeRoles(Set<SystemRole> newRoles) {
    this.roles = encode(newRoles);
  }

  public void changePinPadPolicy(PinPadPolicy policy) {
    this.pinPad = policy;
  }

  public void changePatternPolicy(PatternPolicy policy) {
    this.pattern = policy;
  }

  public void changeMessagePolicy(MessagePolicy policy) {
    this.messages = policy;
  }

  /**
   * Sets the webhook's URL and its sealed secret together (null and null: no webhook), so that a
   * URL never exists without a secret to sign with.
   */
  public void changeWebhook(String url, String sealedSecret) {
    if ((url == null) != (sealedSecret == null)) {
      throw new IllegalArgumentException("A webhook needs both a URL and a secret");
    }
    this.messages = messages().withWebhookUrl(url);
    this.webhookSecret = sealedSecret;
  }

  public void changeShared(boolean newShared) {
    this.shared = newShared;
  }

  public void changeFunctionCodes(FunctionCodeTable table) {
    this.functionCodes = table.encode();
  }

  public void changeAttributeAllowance(Set<String> names) {
    this.attributeAllowance = names.stream().sorted().collect(Collectors.joining(","));
  }

  /** Keeps the sealed pairwise key; only the first call has an effect. */
  public void keepPairwiseKey(String sealedKey) {
    if (this.pairwiseKey == null) {
      this.pairwiseKey = sealedKey;
    }
  }

  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  public Long id() {
    return id;
  }

  public String systemId() {
    return systemId;
  }

  public String name() {
    return name;
  }

  public Set<SystemRole> roles() {
    if (roles.isEmpty()) {
      return EnumSet.noneOf(SystemRole.class);
    }
    return Arrays.stream(roles.split(","))
        .map(SystemRole::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SystemRole.class)));
  }

  public String secretHash() {
    return secretHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public PinPadPolicy pinPad() {
    return pinPad;
  }

  public PatternPolicy pattern() {
    return pattern;
  }

  public boolean shared() {
    return shared;
  }

  /** The sender policy; the defaults for a row older than the policy (never null). */
  public MessagePolicy messages() {
    return messages == null ? MessagePolicy.defaults() : messages;
  }

  /** The sealed webhook secret (open it with {@link #webhookSecretAssociatedData()}). */
  public Optional<String> sealedWebhookSecret() {
    return Optional.ofNullable(webhookSecret);
  }

  /** Binds the sealed webhook secret to its system: copied to another row it does not open. */
  public String webhookSecretAssociatedData() {
    return "relying_system.webhook_secret:" + systemId;
  }

  /** The system's function-code table: the default one until staff change it. */
  public FunctionCodeTable functionCodes() {
    return functionCodes == null
        ? FunctionCodeTable.defaults()
        : FunctionCodeTable.decode(functionCodes);
  }

  public Set<String> attributeAllowance() {
    if (attributeAllowance.isEmpty()) {
      return Set.of();
    }
    return Set.of(attributeAllowance.split(","));
  }

  public Optional<String> pairwiseKey() {
    return Optional.ofNullable(pairwiseKey);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
