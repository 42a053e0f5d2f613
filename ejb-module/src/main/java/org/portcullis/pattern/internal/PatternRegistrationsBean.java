package org.portcullis.pattern.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.portcullis.audit.AuditLog;
import org.portcullis.config.PublicUrl;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.SecretBox;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.mail.InlineImage;
import org.portcullis.mail.QrCodes;
import org.portcullis.outbox.OutboxService;
import org.portcullis.pattern.Candidates;
import org.portcullis.pattern.DerivationPattern;
import org.portcullis.pattern.Grid;
import org.portcullis.pattern.Narrowing;
import org.portcullis.pattern.PatternRegistrations;
import org.portcullis.pattern.PatternRuleException;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.TableRules;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.time.PortcullisClock;

/**
 * Pattern registration (SPEC §3.1). The link's token is found by its HMAC; the candidate seed,
 * narrowing state, provisional pattern and confirmation grid are sealed on the registration row.
 */
@Stateless
public class PatternRegistrationsBean implements PatternRegistrations {

  private static final int TOKEN_BYTES = 32;
  private static final int MAX_PHONE_CODES = 5;
  private static final int MAX_CONFIRMATION_FAILURES = 5;
  private static final int MAX_CANDIDATE = 1000;
  private static final Duration PHONE_CODE_TTL = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;
  @EJB SystemRegistry systems;
  @EJB LockoutService lockout;
  @EJB OutboxService outbox;
  @EJB PatternSettings settings;
  @EJB PublicUrl publicUrl;

  @Override
  public Link start(String account, long tableId, String systemId, String staffUsername) {
    Customer customer =
        customers
            .find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    PatternTable table = em.find(PatternTable.class, tableId);
    if (table == null) {
      throw DomainException.badInput(
          "unknown-pattern-table", "tableId", "No pattern table " + tableId);
    }
    if (table.retired()) {
      throw DomainException.conflict(
          "pattern-table-retired", "Pattern table " + tableId + " is retired");
    }
    Long systemRef = null;
    if (systemId != null) {
      systemRef =
          systems
              .find(systemId)
              .map(RelyingSystem::id)
              .orElseThrow(
                  () ->
                      DomainException.badInput(
                          "unknown-system", "systemId", "No system " + systemId));
    }
    for (PatternRegistration older :
        em.createNamedQuery("PatternRegistration.openOfCustomer", PatternRegistration.class)
            .setParameter("customerRef", customer.id())
            .setParameter(
                "states",
                List.of(PatternRegistration.State.OPEN, PatternRegistration.State.PROVISIONAL))
            .getResultList()) {
      older.revoke();
    }
    String token = Randoms.urlToken(TOKEN_BYTES);
    String tokenHash = keys.hasher().fastHash(token);
    Instant now = clock.now();
    Instant expiresAt = now.plus(PatternSettings.LINK_TTL);
    em.persist(
        new PatternRegistration(
            tokenHash,
            customer.id(),
            table.id(),
            systemRef,
            staffUsername,
            now,
            expiresAt,
            box().seal(Randoms.bytes(32), PatternRegistration.associatedData(tokenHash))));
    String url = publicUrl.base() + "/register/pattern.html#" + token;
    outbox.queueSms(
        customer.msisdn(),
        "Your bank: set up your Portcullis pattern at " + url + " (valid for 24 hours).",
        "pattern-registration");
    customer.email().ifPresent(email -> mailLink(email, url));
    audit.record(
        "staff:" + staffUsername,
        "pattern.registration.start",
        "customer:" + account,
        "OK",
        "table=" + table.id() + (systemId == null ? " system=*" : " system=" + systemId));
    return new Link(url, expiresAt);
  }

  private void mailLink(String email, String url) {
    String text =
        "Set up your Portcullis pattern\n\n"
            + "Open this link on the phone you bank with, or scan the code in this mail:\n"
            + url
            + "\n\nThe link works once, for 24 hours. If you did not ask your bank for it, call"
            + " them.";
    String html =
        "<p><strong>Set up your Portcullis pattern</strong></p>"
            + "<p>Open this link on the phone you bank with, or scan the code:</p>"
            + "<p><a href=\""
            + url
            + "\">Set up my pattern</a></p>"
            + "<p><img src=\"cid:link-qr\" width=\"240\" height=\"240\" alt=\"QR code of the"
            + " link\"></p>"
            + "<p>The link works once, for 24 hours. If you did not ask your bank for it, call"
            + " them.</p>";
    outbox.queueMail(
        email,
        "Set up your Portcullis pattern",
        text,
        html,
        List.of(new InlineImage("link-qr", "image/png", QrCodes.png(url, 240))),
        "pattern-registration");
  }

  @Override
  public Overview describe(String token) {
    PatternRegistration registration = live(token, LockModeType.NONE);
    PatternTable table = em.find(PatternTable.class, registration.tableRef());
    String systemName =
        registration
            .systemRef()
            .map(ref -> em.find(RelyingSystem.class, ref))
            .map(RelyingSystem::name)
            .orElse(null);
    Instant now = clock.now();
    boolean provisional =
        registration.state() == PatternRegistration.State.PROVISIONAL
            && registration.provisionalExpiresAt().orElseThrow().isAfter(now);
    return new Overview(
        table.name(),
        table.rules(),
        systemName,
        registration.expiresAt(),
        provisional ? "PROVISIONAL" : "OPEN",
        registration.phoneConfirmed(),
        Customer.masked(customer(registration).msisdn()),
        provisional ? registration.provisionalExpiresAt().orElseThrow() : null);
  }

  @Override
  public CodeSent sendPhoneCode(String token) {
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    Customer customer = customer(registration);
    if (registration.phoneConfirmed()) {
      throw DomainException.conflict("phone-confirmed", "The phone number is already confirmed");
    }
    if (registration.phoneCodesSent() >= MAX_PHONE_CODES) {
      throw DomainException.conflict(
          "too-many-codes", "Too many codes for this link; ask the bank for a new link");
    }
    if (lockout.isLocked(customer, Factor.OTP)) {
      throw DomainException.conflict(
          "otp-locked", "Too many wrong codes; wait a while or ask the bank to unlock");
    }
    String code = Randoms.digits(6);
    Instant expiresAt = clock.now().plus(PHONE_CODE_TTL);
    registration.newPhoneCode(keys.hasher().fastHash(bound(registration, code)), expiresAt);
    outbox.queueSms(
        customer.msisdn(),
        "Your Portcullis code is " + code + ". It confirms your phone for your pattern.",
        "pattern-registration-phone");
    audit.record(
        "customer:" + customer.account(),
        "pattern.registration.phone-code",
        "customer:" + customer.account(),
        "OK",
        null);
    return new CodeSent(Customer.masked(customer.msisdn()), expiresAt);
  }

  @Override
  public void confirmPhone(String token, String code) {
    if (code == null || !code.matches("[0-9]{6}")) {
      throw DomainException.badInput("invalid-code", "code", "code must be 6 digits");
    }
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    Customer customer = customer(registration);
    if (registration.phoneConfirmed()) {
      return;
    }
    if (lockout.isLocked(customer, Factor.OTP)) {
      throw DomainException.conflict(
          "otp-locked", "Too many wrong codes; wait a while or ask the bank to unlock");
    }
    Instant now = clock.now();
    Optional<String> stored = registration.phoneCodeHash();
    if (stored.isEmpty() || !now.isBefore(registration.phoneCodeExpiresAt().orElseThrow())) {
      throw DomainException.badInput(
          "code-expired", "code", "There is no valid code; ask for a new one");
    }
    boolean right = keys.hasher().fastVerify(bound(registration, code), stored.get());
    audit.record(
        "customer:" + customer.account(),
        "pattern.registration.phone-confirm",
        "customer:" + customer.account(),
        right ? "OK" : "FAIL",
        null);
    if (!right) {
      lockout.recordFailure(customer, Factor.OTP);
      throw Refusal.badInput("wrong-code", "code", "The code is wrong");
    }
    lockout.recordSuccess(customer, Factor.OTP);
    registration.confirmPhone(now);
  }

  @Override
  public List<Integer> candidate(String token, int n) {
    if (n < 1 || n > MAX_CANDIDATE) {
      throw DomainException.badInput(
          "invalid-candidate", "n", "Candidates are numbered 1 to " + MAX_CANDIDATE);
    }
    PatternRegistration registration = live(token, LockModeType.NONE);
    TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
    byte[] seed = box().open(registration.candidateSeed(), registration.associatedData());
    return Candidates.candidate(rules, rules.minLength(), seed, n);
  }

  @Override
  public ConfirmationGrid submit(String token, Submission submission) {
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
    if (submission.positions() == null || submission.positions().isBlank()) {
      throw DomainException.badInput(
          "bad-positions", "positions", "positions is required (cells such as 3,6,16,9, or F)");
    }
    DerivationPattern pattern;
    String fixedHash = null;
    try {
      if ("F".equals(submission.positions().strip())) {
        pattern = DerivationPattern.fixedPassword(submission.fixedPassword(), rules);
        fixedHash = keys.hasher().slowHash(submission.fixedPassword());
      } else {
        pattern =
            DerivationPattern.parse(
                submission.positions(), submission.rule(), submission.mode(), rules);
      }
    } catch (PatternRuleException broken) {
      throw broken.asBadInput();
    }
    Grid grid = Grid.random(rules.rows(), rules.cols(), Randoms.secureRandom());
    Instant until = clock.now().plus(PatternSettings.PROVISIONAL_TTL);
    registration.beProvisional(
        box().seal(pattern.encode(), registration.associatedData()),
        fixedHash,
        until,
        box().seal(grid.digits(), registration.associatedData()));
    Customer customer = customer(registration);
    audit.record(
        "customer:" + customer.account(),
        "pattern.registration.submit",
        "customer:" + customer.account(),
        "PROVISIONAL",
        pattern.isFixedPassword() ? "kind=fixed" : "kind=cells mode=" + pattern.mode());
    return new ConfirmationGrid(grid, until);
  }

  @Override
  public ConfirmationGrid confirmationGrid(String token) {
    PatternRegistration registration = provisional(token);
    return new ConfirmationGrid(
        grid(registration), registration.provisionalExpiresAt().orElseThrow());
  }

  @Override
  public void confirm(String token, String password) {
    if (password == null || !password.matches("[0-9]{1,64}")) {
      throw DomainException.badInput("invalid-password", "password", "password must be digits");
    }
    PatternRegistration registration = provisional(token);
    Customer customer = customer(registration);
    if (!registration.phoneConfirmed()) {
      throw DomainException.conflict(
          "phone-unconfirmed", "Confirm your phone number with the SMS code first");
    }
    DerivationPattern pattern =
        DerivationPattern.decode(
            box()
                .openString(
                    registration.provisionalPattern().orElseThrow(),
                    registration.associatedData()));
    boolean right =
        pattern.isFixedPassword()
            ? keys.hasher().slowVerify(password, registration.provisionalFixedHash().orElseThrow())
            : pattern.expected(grid(registration)).matches(password);
    if (!right) {
      TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
      Grid fresh = Grid.random(rules.rows(), rules.cols(), Randoms.secureRandom());
      int failures =
          registration.failConfirmation(box().seal(fresh.digits(), registration.associatedData()));
      audit.record(
          "customer:" + customer.account(),
          "pattern.registration.confirm",
          "customer:" + customer.account(),
          "FAIL",
          "failures=" + failures);
      if (failures >= MAX_CONFIRMATION_FAILURES) {
        registration.dropProvisional();
        throw Refusal.badInput(
            "confirmation-failed",
            "password",
            "That is not what your pattern gives on the grid, too many times; submit your pattern"
                + " again");
      }
      throw Refusal.badInput(
          "confirmation-failed",
          "password",
          "That is not what your pattern gives on this grid; try again on the new grid");
    }
    Long systemRef = registration.systemRef().orElse(null);
    for (StoredPattern older :
        em.createNamedQuery("StoredPattern.ofCustomer", StoredPattern.class)
            .setParameter("customerRef", customer.id())
            .getResultList()) {
      if (Objects.equals(older.systemRef().orElse(null), systemRef)) {
        em.remove(older);
      }
    }
    em.flush();
    em.persist(
        new StoredPattern(
            customer.id(),
            systemRef,
            registration.tableRef(),
            box().seal(pattern.encode(), StoredPattern.associatedData(customer.id(), systemRef)),
            registration.provisionalFixedHash().orElse(null),
            clock.now()));
    registration.complete(clock.now());
    audit.record(
        "customer:" + customer.account(),
        "pattern.registration.confirm",
        "customer:" + customer.account(),
        "FORMAL",
        "table=" + registration.tableRef());
  }

  @Override
  public NarrowingStep startNarrowing(String token, int length) {
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
    if (length < rules.minLength() || length > 16) {
      throw DomainException.badInput(
          "invalid-length",
          "length",
          "A pattern on this table has " + rules.minLength() + " to 16 cells");
    }
    int[] shown = Narrowing.firstRound(rules.cells(), Randoms.secureRandom());
    NarrowingState state = new NarrowingState(1, Narrowing.start(rules.cells(), length), shown);
    registration.keepNarrowing(box().seal(state.encode(), registration.associatedData()));
    return step(rules, state);
  }

  @Override
  public NarrowingStep answerNarrowing(String token, String digits) {
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
    NarrowingState state =
        registration
            .narrowing()
            .map(text -> box().openString(text, registration.associatedData()))
            .map(NarrowingState::decode)
            .orElseThrow(
                () -> DomainException.conflict("narrowing-not-started", "Start narrowing first"));
    List<Set<Integer>> kept;
    try {
      kept = Narrowing.keep(state.candidates(), state.shown(), digits);
    } catch (PatternRuleException broken) {
      throw broken.asBadInput();
    }
    Optional<List<Integer>> found = Narrowing.resolved(kept);
    if (found.isPresent()) {
      registration.keepNarrowing(null);
      return new NarrowingStep(
          state.round(), rules.rows(), rules.cols(), null, List.copyOf(found.get()));
    }
    NarrowingState next =
        new NarrowingState(
            state.round() + 1,
            kept,
            Narrowing.nextRound(kept, rules.cells(), Randoms.secureRandom()));
    registration.keepNarrowing(box().seal(next.encode(), registration.associatedData()));
    return step(rules, next);
  }

  private static NarrowingStep step(TableRules rules, NarrowingState state) {
    List<Integer> digits = new ArrayList<>(state.shown().length);
    for (int digit : state.shown()) {
      digits.add(digit < 0 ? null : digit);
    }
    return new NarrowingStep(
        state.round(), rules.rows(), rules.cols(), Collections.unmodifiableList(digits), null);
  }

  private PatternRegistration provisional(String token) {
    PatternRegistration registration = live(token, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.now();
    if (registration.state() == PatternRegistration.State.PROVISIONAL
        && !now.isBefore(registration.provisionalExpiresAt().orElseThrow())) {
      registration.lapseProvisional(now);
      // the lapse must be kept, so this is a refusal rather than a rolled-back error
      throw Refusal.gone(
          "provisional-expired",
          "The provisional pattern expired after 15 minutes; submit your pattern again");
    }
    if (registration.state() != PatternRegistration.State.PROVISIONAL) {
      throw DomainException.conflict(
          "not-provisional", "Submit a pattern first; nothing waits for confirmation");
    }
    return registration;
  }

  private Grid grid(PatternRegistration registration) {
    TableRules rules = em.find(PatternTable.class, registration.tableRef()).rules();
    return new Grid(
        rules.rows(),
        rules.cols(),
        box()
            .openString(
                registration.confirmationGrid().orElseThrow(), registration.associatedData()));
  }

  private PatternRegistration live(String token, LockModeType lockMode) {
    if (token == null || token.length() != 43) {
      throw unknown();
    }
    PatternRegistration registration =
        em.createNamedQuery("PatternRegistration.byTokenHash", PatternRegistration.class)
            .setParameter("tokenHash", keys.hasher().fastHash(token))
            .setLockMode(lockMode)
            .getResultStream()
            .findFirst()
            .orElseThrow(PatternRegistrationsBean::unknown);
    if (!registration.isLiveAt(clock.now())) {
      throw DomainException.gone(
          "registration-closed",
          "This registration link was used, replaced or has expired; ask the bank for a new one");
    }
    return registration;
  }

  private Customer customer(PatternRegistration registration) {
    return em.find(Customer.class, registration.customerRef());
  }

  private String bound(PatternRegistration registration, String code) {
    return registration.associatedData() + ":" + code;
  }

  private SecretBox box() {
    return keys.secretBox();
  }

  private static DomainException unknown() {
    return DomainException.notFound("unknown-registration", "No such registration link");
  }
}
