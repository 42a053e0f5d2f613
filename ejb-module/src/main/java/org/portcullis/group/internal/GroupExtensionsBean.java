package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupExtension;
import org.portcullis.group.GroupExtensions;
import org.portcullis.group.GroupLimits;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupProblems;
import org.portcullis.group.GroupRuleException;
import org.portcullis.time.PortcullisClock;

/**
 * Extends a group through a mailed link: the link's signature first ({@link ExtensionTokens}),
 * then, under the group's row lock, the link's single use and the limits of {@link GroupExtension};
 * the closing and the next notice move with the expiry.
 */
@Stateless
public class GroupExtensionsBean implements GroupExtensions {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;

  @Override
  public Offer describe(String token) {
    ExtensionLink link = link(token);
    PrivateGroup group = em.find(PrivateGroup.class, link.groupRef());
    requireUsable(link, group);
    GroupLimits limits = settings.limits();
    GroupExtension rule = new GroupExtension(group.createdAt(), group.expiresAt());
    return new Offer(
        group.name().orElse(null),
        group.expiresAt(),
        rule.mostAllowed(limits).orElse(Duration.ZERO),
        rule.latestExpiry(limits));
  }

  @Override
  public Instant extend(String token, String duration) {
    ExtensionLink unlocked = link(token);
    // the group's lock first, as every other change of a group takes it; then the link again
    PrivateGroup group = groups.lock(unlocked.groupRef()).orElseThrow(ExtensionLinks::spent);
    ExtensionLink link = em.find(ExtensionLink.class, unlocked.id());
    em.refresh(link);
    requireUsable(link, group);
    Instant newExpiry;
    try {
      newExpiry =
          new GroupExtension(group.createdAt(), group.expiresAt())
              .extendBy(duration, settings.limits());
    } catch (GroupRuleException refused) {
      throw DomainException.badInput(refused.type(), refused.field(), refused.getMessage());
    }
    Instant now = clock.now();
    Instant before = group.expiresAt();
    group.extendTo(newExpiry);
    em.createNamedQuery("ExtensionLink.useAllOfGroup")
        .setParameter("group", group.id())
        .setParameter("now", now)
        .executeUpdate();
    stream.server(group, Kind.EXTENDED, null, newExpiry, now);
    audit.record(
        link.recipient(),
        GroupAudit.EXTEND,
        GroupAudit.subject(group.groupId()),
        "OK",
        "by=" + Duration.between(before, newExpiry) + " until=" + newExpiry);
    return newExpiry;
  }

  private ExtensionLink link(String token) {
    String linkId =
        ExtensionTokens.linkIdOf(keys.hasher(), token).orElseThrow(ExtensionLinks::unknown);
    return em.createNamedQuery("ExtensionLink.byLinkId", ExtensionLink.class)
        .setParameter("linkId", linkId)
        .getResultStream()
        .findFirst()
        .orElseThrow(ExtensionLinks::unknown);
  }

  private void requireUsable(ExtensionLink link, PrivateGroup group) {
    if (group == null || !group.isOpen() || !link.usableAt(clock.now())) {
      throw ExtensionLinks.spent();
    }
  }

  /** The refusals of a link. */
  private static final class ExtensionLinks {
    static DomainException unknown() {
      return DomainException.notFound(
          GroupProblems.UNKNOWN_EXTENSION_LINK, "This extension link is not valid");
    }

    static DomainException spent() {
      return DomainException.gone(
          GroupProblems.EXTENSION_LINK_SPENT,
          "This extension link was used already, or its group has closed");
    }
  }
}
