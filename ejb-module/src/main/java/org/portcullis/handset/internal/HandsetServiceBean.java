package org.portcullis.handset.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.ConstantTime;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.handset.HandsetService;
import org.portcullis.inboundsms.InboundSmsService;
import org.portcullis.inboundsms.ReceivedSms;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.outbox.OutboxService;
import org.portcullis.time.PortcullisClock;
import org.portcullis.token.TokenService;

/** Handset enrollment by server OTP and by handset OTP; settings in {@link EnrollmentSettings}. */
@Stateless
public class HandsetServiceBean implements HandsetService {

  /** 20 characters of 5 bits: 100 random bits, unguessable and unique. */
  private static final int HANDSET_ID_CHARS = 20;

  private static final String SERVER_OTP = "[0-9]{6}";
  private static final String DEVICE_TYPE = "[A-Za-z0-9 ._-]{1,32}";
  private static final String UNSPECIFIED_DEVICE = "unspecified";
  private static final String REFUSED_DETAIL =
      "The code is wrong, expired or already used, or there were too many wrong codes (wait, or"
          + " ask the bank to unlock)";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;
  @EJB LockoutService lockout;
  @EJB OutboxService outbox;
  @EJB InboundSmsService inbound;
  @EJB TokenService tokens;
  @EJB EnrollmentSettings settings;

  @Override
  public Started startServerOtp(String msisdn, String deviceType) {
    requireMsisdn(msisdn);
    deviceType = deviceTypeOrDefault(deviceType);
    Instant now = clock.now();
    throttle(msisdn, now);
    Optional<Customer> customer = onlyCustomerWith(msisdn);
    String enrollmentId = Randoms.urlToken(18);
    String otp = Randoms.digits(6);
    Instant expiresAt = now.plus(settings.codeTtl());
    em.persist(
        HandsetEnrollment.serverOtp(
            enrollmentId,
            msisdn,
            customer.map(Customer::id).orElse(null),
            deviceType,
            keys.hasher().fastHash(bound(enrollmentId, otp)),
            now,
            expiresAt));
    String outcome;
    if (customer.isEmpty()) {
      outcome = "UNKNOWN_MSISDN";
    } else if (lockout.isLocked(customer.get(), Factor.OTP)) {
      outcome = "LOCKED";
    } else {
      outbox.queueSms(
          msisdn,
          "Your Portcullis enrollment code is "
              + otp
              + ". It is valid for "
              + settings.codeTtl().toMinutes()
              + " minutes. Never tell it to anyone, not even the bank.",
          "enrollment-otp");
      outcome = "OK";
    }
    audit.record(
        "msisdn:" + msisdn,
        "handset.enrollment.start",
        "enrollment:" + enrollmentId,
        outcome,
        "method=SERVER_OTP device=" + deviceType);
    return new Started(enrollmentId, expiresAt);
  }

  @Override
  public Enrolled confirmServerOtp(String enrollmentId, String msisdn, String otp) {
    if (otp == null || !otp.matches(SERVER_OTP)) {
      throw DomainException.badInput("invalid-otp", "otp", "otp must be the 6 digits of the SMS");
    }
    if (msisdn != null) {
      requireMsisdn(msisdn);
    }
    HandsetEnrollment enrollment = enrollment(enrollmentId);
    Instant now = clock.now();
    String actor = "msisdn:" + enrollment.msisdn();
    String subject = "enrollment:" + enrollment.enrollmentId();
    if (enrollment.state() != HandsetEnrollment.State.PENDING) {
      throw DomainException.gone(
          "enrollment-closed", "This enrollment is finished; start a new one");
    }
    if (enrollment.isExpiredAt(now)) {
      throw DomainException.gone(
          "enrollment-expired", "This enrollment's code has expired; start a new one");
    }
    Optional<Customer> customer = enrollment.customerRef().map(id -> em.find(Customer.class, id));
    if (customer.isEmpty()) {
      enrollment.wrongCode(settings.maxWrongAnswers());
      audit.record(actor, "handset.enroll", subject, "UNKNOWN_MSISDN", "method=SERVER_OTP");
      throw Refusal.of(OTP_REFUSED, REFUSED_DETAIL);
    }
    if (lockout.isLocked(customer.get(), Factor.OTP)) {
      audit.record(actor, "handset.enroll", subject, "LOCKED", "method=SERVER_OTP");
      throw Refusal.of(OTP_REFUSED, REFUSED_DETAIL);
    }
    boolean sameNumber = msisdn == null || msisdn.equals(enrollment.msisdn());
    boolean codeMatches =
        keys.hasher().fastVerify(bound(enrollment.enrollmentId(), otp), enrollment.otpHash());
    if (!(sameNumber && codeMatches)) {
      lockout.recordFailure(customer.get(), Factor.OTP);
      enrollment.wrongCode(settings.maxWrongAnswers());
      audit.record(actor, "handset.enroll", subject, "FAIL", "method=SERVER_OTP");
      throw Refusal.of(OTP_REFUSED, REFUSED_DETAIL);
    }
    lockout.recordSuccess(customer.get(), Factor.OTP);
    Handset handset =
        newHandset(
            customer.get(),
            enrollment.msisdn(),
            enrollment.deviceType(),
            Handset.Method.SERVER_OTP,
            now);
    enrollment.enrolled(handset);
    return enrolled(customer.get(), handset, subject);
  }

  @Override
  public Enrolled enrollWithHandsetOtp(String msisdn, String otp, String deviceType) {
    requireMsisdn(msisdn);
    if (otp == null || !otp.matches(EnrollmentSettings.HANDSET_OTP)) {
      throw DomainException.badInput("invalid-otp", "otp", "otp must be 6 to 10 digits");
    }
    deviceType = deviceTypeOrDefault(deviceType);
    Instant now = clock.now();
    String actor = "msisdn:" + msisdn;
    Optional<Customer> customer = onlyCustomerWith(msisdn);
    if (customer.isEmpty()) {
      throw smsPending(); // as for a customer whose SMS has not arrived: nothing can match
    }
    if (lockout.isLocked(customer.get(), Factor.OTP)) {
      audit.record(actor, "handset.enroll", "msisdn:" + msisdn, "LOCKED", "method=HANDSET_OTP");
      throw Refusal.of(OTP_REFUSED, REFUSED_DETAIL);
    }
    List<Code> codes = unusedCodes(msisdn, now.minus(settings.codeTtl()));
    if (codes.isEmpty()) {
      throw smsPending();
    }
    Code match = null;
    for (Code code : codes) {
      // every candidate is compared, in constant time, whatever matched before
      if (ConstantTime.equals(code.otp(), otp) && match == null) {
        match = code;
      }
    }
    if (match == null) {
      lockout.recordFailure(customer.get(), Factor.OTP);
      audit.record(actor, "handset.enroll", "msisdn:" + msisdn, "FAIL", "method=HANDSET_OTP");
      throw Refusal.of(OTP_REFUSED, REFUSED_DETAIL);
    }
    lockout.recordSuccess(customer.get(), Factor.OTP);
    Handset handset =
        newHandset(customer.get(), msisdn, deviceType, Handset.Method.HANDSET_OTP, now);
    String enrollmentId = Randoms.urlToken(18);
    try {
      em.persist(
          HandsetEnrollment.handsetOtp(
              enrollmentId,
              msisdn,
              customer.get().id(),
              deviceType,
              match.smsId(),
              now,
              match.receivedAt().plus(settings.codeTtl()),
              handset));
      em.flush();
    } catch (PersistenceException e) {
      // the same SMS enrolled another handset at this very moment: single use
      throw DomainException.conflict(
          "enrollment-sms-used", "This SMS has just been used to enroll a handset");
    }
    return enrolled(customer.get(), handset, "enrollment:" + enrollmentId);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<HandsetInfo> ofCustomer(String account) {
    Customer customer =
        customers
            .find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    return em.createNamedQuery("Handset.ofCustomer", Handset.class)
        .setParameter("customer", customer.id())
        .getResultStream()
        .map(
            h ->
                new HandsetInfo(
                    h.handsetId(),
                    customer.account(),
                    h.msisdn(),
                    h.deviceType(),
                    h.enrolledBy().name(),
                    h.enrolledAt(),
                    h.keyAlgorithm().orElse(null),
                    h.keyUploadedAt().orElse(null)))
        .toList();
  }

  /** A code a handset texted: {@code <keyword> <otp>}, from an SMS no enrollment used yet. */
  private record Code(long smsId, String otp, Instant receivedAt) {}

  private List<Code> unusedCodes(String msisdn, Instant since) {
    List<Code> codes =
        inbound.recentFrom(msisdn, since).stream()
            .map(this::code)
            .flatMap(Optional::stream)
            .toList();
    if (codes.isEmpty()) {
      return codes;
    }
    Set<Long> used =
        new HashSet<>(
            em.createNamedQuery("HandsetEnrollment.usedSms", Long.class)
                .setParameter("ids", codes.stream().map(Code::smsId).toList())
                .getResultList());
    return codes.stream().filter(c -> !used.contains(c.smsId())).toList();
  }

  private Optional<Code> code(ReceivedSms sms) {
    Matcher matcher = settings.handsetSms().matcher(sms.text() == null ? "" : sms.text());
    return matcher.matches()
        ? Optional.of(new Code(sms.id(), matcher.group(1), sms.receivedAt()))
        : Optional.empty();
  }

  private Handset newHandset(
      Customer customer, String msisdn, String deviceType, Handset.Method method, Instant now) {
    Handset handset =
        new Handset(
            "hs-" + Randoms.readable(HANDSET_ID_CHARS),
            customer.id(),
            msisdn,
            deviceType,
            method,
            now);
    em.persist(handset);
    em.flush(); // the id is needed by the enrollment row
    return handset;
  }

  private Enrolled enrolled(Customer customer, Handset handset, String subject) {
    TokenService.Issued token = tokens.issueForHandset(customer, handset.handsetId());
    audit.record(
        "customer:" + customer.account(),
        "handset.enroll",
        subject,
        "OK",
        "handset=" + handset.handsetId() + " method=" + handset.enrolledBy());
    return new Enrolled(handset.handsetId(), customer.account(), token.token(), token.expiresAt());
  }

  private HandsetEnrollment enrollment(String enrollmentId) {
    if (enrollmentId == null || enrollmentId.length() > 32) {
      throw unknownEnrollment();
    }
    return em.createNamedQuery("HandsetEnrollment.byEnrollmentId", HandsetEnrollment.class)
        .setParameter("enrollmentId", enrollmentId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(HandsetServiceBean::unknownEnrollment);
  }

  /** Sending codes costs money and annoys the customer: at most a few per MSISDN per window. */
  private void throttle(String msisdn, Instant now) {
    Duration window = settings.codesWindow();
    List<Instant> sent =
        em.createNamedQuery("HandsetEnrollment.serverCodesSince", Instant.class)
            .setParameter("msisdn", msisdn)
            .setParameter("method", Handset.Method.SERVER_OTP)
            .setParameter("since", now.minus(window))
            .getResultList();
    if (sent.size() >= settings.maxCodes()) {
      // the next code may go when enough of these have left the window
      Instant free = sent.get(sent.size() - settings.maxCodes()).plus(window);
      Duration wait = Duration.between(now, free);
      throw DomainException.throttled(
          "too-many-codes",
          "Too many codes were sent to this number; try again in "
              + Math.max(1, wait.toSeconds())
              + " seconds",
          wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  /** The one customer with this MSISDN; none when there is none or several share it. */
  private Optional<Customer> onlyCustomerWith(String msisdn) {
    List<Customer> found = customers.findByMsisdn(msisdn);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The code hashed with its enrollment, so equal codes of two enrollments hash apart. */
  private static String bound(String enrollmentId, String otp) {
    return enrollmentId + ":" + otp;
  }

  private DomainException smsPending() {
    return DomainException.conflict(
        SMS_PENDING,
        "No unused '"
            + settings.keyword().toUpperCase(Locale.ROOT)
            + " <code>' SMS from this number has arrived in the last "
            + settings.codeTtl().toMinutes()
            + " minutes yet; send it (or wait for it) and try again");
  }

  private static DomainException unknownEnrollment() {
    return DomainException.notFound("unknown-enrollment", "No such enrollment");
  }

  private static void requireMsisdn(String msisdn) {
    if (msisdn == null || !msisdn.matches(Customer.MSISDN_PATTERN)) {
      throw DomainException.badInput(
          "invalid-msisdn", "msisdn", "msisdn must be an E.164 number such as +447700900123");
    }
  }

  /** The device type as given, or {@value #UNSPECIFIED_DEVICE} when the handset sent none. */
  private static String deviceTypeOrDefault(String deviceType) {
    if (deviceType == null) {
      return UNSPECIFIED_DEVICE;
    }
    if (!deviceType.matches(DEVICE_TYPE)) {
      throw DomainException.badInput(
          "invalid-device-type",
          "deviceType",
          "deviceType must be 1-32 letters, digits, spaces, '.', '_' or '-'");
    }
    return deviceType;
  }
}
