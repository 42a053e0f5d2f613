package org.portcullis.system.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.AttributeNames;
import org.portcullis.error.DomainException;
import org.portcullis.outbox.WebhookSignature;
import org.portcullis.pattern.FunctionCodeTable;
import org.portcullis.pattern.PatternRuleException;
import org.portcullis.system.MessagePolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;
import org.portcullis.time.PortcullisClock;

/** Registry of relying systems; secrets are 256-bit random values stored as peppered HMACs. */
@Stateless
public class SystemRegistryBean implements SystemRegistry {

  private static final int SECRET_BYTES = 32;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  public Credentials register(Registration registration, String staffUsername) {
    if (registration.name() == null || registration.name().isBlank()) {
      throw DomainException.badInput("invalid-system", "name", "A system needs a name");
    }
    if (registration.roles().isEmpty()) {
      throw DomainException.badInput("invalid-system", "roles", "A system needs at least one role");
    }
    Set<String> allowance = AttributeNames.check(registration.attributeAllowance());
    String systemId = freshSystemId();
    String secret = newSecret();
    RelyingSystem system =
        new RelyingSystem(
            systemId,
            registration.name().strip(),
            registration.roles(),
            keys.hasher().fastHash(secret),
            registration.pinPad(),
            clock.now());
    system.changePatternPolicy(registration.pattern());
    system.changeShared(registration.shared());
    system.changeAttributeAllowance(allowance);
    em.persist(system);
    audit.record(
        "staff:" + staffUsername,
        "system.register",
        "system:" + systemId,
        "OK",
        "roles=" + registration.roles());
    return new Credentials(systemId, secret);
  }

  /** 256 random bits: too many to guess, so a fast peppered hash is enough to store them. */
  private static String newSecret() {
    return Randoms.urlToken(SECRET_BYTES);
  }

  private String freshSystemId() {
    for (int attempt = 0; attempt < 20; attempt++) {
      // first digit 1-9 so the ID always reads as eight digits
      String candidate = (1 + Randoms.secureRandom().nextInt(9)) + Randoms.digits(7);
      if (find(candidate).isEmpty()) {
        return candidate;
      }
    }
    throw new IllegalStateException("Could not find a free system ID");
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<RelyingSystem> authenticate(String systemId, String secret) {
    Optional<RelyingSystem> system =
        systemId != null && systemId.matches(RelyingSystem.SYSTEM_ID_PATTERN)
            ? find(systemId)
            : Optional.empty();
    // hash even when the ID is unknown, so both paths cost the same
    String presented = secret == null ? "" : secret;
    String stored =
        system.map(RelyingSystem::secretHash).orElseGet(() -> keys.hasher().fastHash(""));
    boolean matches = keys.hasher().fastVerify(presented, stored);
    return system.filter(s -> matches && s.enabled());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<RelyingSystem> find(String systemId) {
    return em.createNamedQuery("RelyingSystem.bySystemId", RelyingSystem.class)
        .setParameter("systemId", systemId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public RelyingSystem update(String systemId, Update update, String staffUsername) {
    RelyingSystem system = existing(systemId);
    List<String> changed = new ArrayList<>();
    if (update.name() != null) {
      if (update.name().isBlank()) {
        throw DomainException.badInput("invalid-system", "name", "A system needs a name");
      }
      system.rename(update.name().strip());
      changed.add("name");
    }
    if (update.roles() != null) {
      if (update.roles().isEmpty()) {
        throw DomainException.badInput(
            "invalid-system", "roles", "A system needs at least one role");
      }
      system.changeRoles(update.roles());
      changed.add("roles=" + update.roles());
    }
    if (update.pinPad() != null) {
      system.changePinPadPolicy(update.pinPad());
      changed.add("pinpad");
    }
    if (update.pattern() != null) {
      system.changePatternPolicy(system.pattern().with(update.pattern()));
      changed.add("pattern");
    }
    if (update.shared() != null) {
      system.changeShared(update.shared());
      changed.add("shared=" + update.shared());
    }
    if (update.messageMaxRetention() != null) {
      system.changeMessagePolicy(system.messages().withMaxRetention(update.messageMaxRetention()));
      changed.add("messages.maxRetention=" + update.messageMaxRetention());
    }
    if (update.attributeAllowance() != null) {
      Set<String> allowance = AttributeNames.check(update.attributeAllowance());
      system.changeAttributeAllowance(allowance);
      changed.add("attributeAllowance=" + new TreeSet<>(allowance));
    }
    audit.record(
        "staff:" + staffUsername,
        "system.update",
        "system:" + systemId,
        "OK",
        String.join(" ", changed));
    return system;
  }

  @Override
  public RelyingSystem changeFunctionCodes(
      String systemId, List<Integer> positions, Map<String, String> codes, String staffUsername) {
    RelyingSystem system = existing(systemId);
    FunctionCodeTable table;
    try {
      table = new FunctionCodeTable(positions, codes);
    } catch (PatternRuleException broken) {
      throw broken.asBadInput();
    }
    system.changeFunctionCodes(table);
    audit.record(
        "staff:" + staffUsername,
        "system.function-codes",
        "system:" + systemId,
        "OK",
        "positions=" + table.positions() + " codes=" + table.codes().size());
    return system;
  }

  @Override
  public Credentials rotateSecret(String systemId, String staffUsername) {
    RelyingSystem system = existing(systemId);
    String secret = newSecret();
    // only the new hash is kept, so the old secret fails from the commit of this transaction on
    system.rotateSecret(keys.hasher().fastHash(secret));
    audit.record(
        "staff:" + staffUsername, "system.rotate-secret", "system:" + systemId, "OK", null);
    return new Credentials(systemId, secret);
  }

  @Override
  public RelyingSystem disable(String systemId, String staffUsername) {
    RelyingSystem system = existing(systemId);
    if (!system.enabled()) {
      throw DomainException.conflict(
          "system-already-disabled", "System " + systemId + " is disabled already");
    }
    system.disable();
    audit.record("staff:" + staffUsername, "system.disable", "system:" + systemId, "OK", null);
    return system;
  }

  @Override
  public RelyingSystem enable(String systemId, String staffUsername) {
    RelyingSystem system = existing(systemId);
    if (system.enabled()) {
      throw DomainException.conflict(
          "system-already-enabled", "System " + systemId + " is enabled already");
    }
    system.enable();
    audit.record("staff:" + staffUsername, "system.enable", "system:" + systemId, "OK", null);
    return system;
  }

  @Override
  public Webhook setWebhook(String systemId, String url, String staffUsername) {
    RelyingSystem system = existing(systemId);
    system.requireRole(SystemRole.SENDER);
    if (url == null) {
      throw DomainException.badInput("invalid-webhook-url", "url", "url is required");
    }
    String checked = MessagePolicy.checkedUrl(url);
    String secret = WebhookSignature.newSecret();
    boolean replaced = system.sealedWebhookSecret().isPresent();
    system.changeWebhook(
        checked, keys.secretBox().seal(secret, system.webhookSecretAssociatedData()));
    audit.record(
        "staff:" + staffUsername,
        "system.webhook",
        "system:" + systemId,
        "OK",
        "url=" + checked + (replaced ? " new-secret" : ""));
    return new Webhook(systemId, checked, secret);
  }

  @Override
  public RelyingSystem removeWebhook(String systemId, String staffUsername) {
    RelyingSystem system = existing(systemId);
    if (system.messages().webhookUrl().isEmpty()) {
      throw DomainException.conflict("no-webhook", "System " + systemId + " has no webhook");
    }
    system.changeWebhook(null, null);
    audit.record(
        "staff:" + staffUsername, "system.webhook.remove", "system:" + systemId, "OK", null);
    return system;
  }

  private RelyingSystem existing(String systemId) {
    return find(systemId)
        .orElseThrow(() -> DomainException.notFound("unknown-system", "No system " + systemId));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<RelyingSystem> list() {
    return em.createNamedQuery("RelyingSystem.all", RelyingSystem.class).getResultList();
  }
}
