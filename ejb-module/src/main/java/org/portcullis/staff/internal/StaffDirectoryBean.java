package org.portcullis.staff.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.error.DomainException;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffMember;
import org.portcullis.staff.StaffRole;
import org.portcullis.time.PortcullisClock;

/** Staff accounts with Argon2id password hashes. */
@Stateless
public class StaffDirectoryBean implements StaffDirectory {

  static final String FIRST_ADMIN = "admin";
  static final int MIN_PASSWORD_LENGTH = 12;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<StaffMember> authenticate(String username, String password) {
    Optional<StaffMember> member =
        username == null || username.length() > 64
            ? Optional.empty()
            : em.createNamedQuery("StaffMember.byUsername", StaffMember.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    if (member.isEmpty()) {
      keys.hasher().slowVerifyNothing(password);
      return Optional.empty();
    }
    boolean matches = keys.hasher().slowVerify(password, member.get().passwordHash());
    return member.filter(m -> matches && m.enabled());
  }

  @Override
  public boolean createFirstAdmin(String password) {
    long staff = em.createNamedQuery("StaffMember.count", Long.class).getSingleResult();
    if (staff > 0) {
      return false;
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw DomainException.badInput(
          "weak-password",
          "password",
          "The first admin's password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    em.persist(
        new StaffMember(
            FIRST_ADMIN,
            keys.hasher().slowHash(password),
            EnumSet.of(StaffRole.ADMIN),
            clock.now()));
    audit.record("server", "staff.create", "staff:" + FIRST_ADMIN, "OK", "first admin");
    return true;
  }
}
