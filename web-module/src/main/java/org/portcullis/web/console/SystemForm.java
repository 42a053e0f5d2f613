package org.portcullis.web.console;

import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.portcullis.error.DomainException;
import org.portcullis.pinpad.PinPadAlgorithm;
import org.portcullis.pinpad.PinPadLayout;
import org.portcullis.system.MessagePolicy;
import org.portcullis.system.PatternPolicy;
import org.portcullis.system.PinPadPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;

/**
 * A relying system's settings as the console edits them (the register dialog of {@code
 * systems.xhtml} and {@code system.xhtml}, through {@code WEB-INF/includes/system-fields.xhtml}):
 * plain fields the inputs write, turned into the registry's {@code Registration} or {@code Update}
 * the way the admin API does. The rules stay with the policies and the registry.
 */
public class SystemForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The services' field names → the ids of this form's inputs (Faces ids cannot hold dots). */
  private static final Map<String, String> INPUT_IDS =
      Map.of(
          "pinpad.ttl", "pinpadTtl",
          "pattern.gridTtl", "gridTtl",
          "pattern.tempIds.maxAge", "tempIdMaxAge",
          "pattern.tempIds.maxUses", "tempIdMaxUses",
          "pattern.pairwiseIdLength", "pairwiseIdLength",
          "pattern.duressLockAfter", "duressLockAfter",
          "attributes", "attributeAllowance",
          "messages.maxRetention", "messageMaxRetention");

  private String name;
  private SystemRole[] roles = new SystemRole[0];
  private PinPadAlgorithm algorithm;
  private PinPadLayout layout;
  private boolean shuffle;
  private boolean textMode;
  private Duration pinpadTtl;
  private Duration gridTtl;
  private boolean tempIdsEnabled;
  private Duration tempIdMaxAge;
  private Integer tempIdMaxUses;
  private Integer pairwiseIdLength;
  private boolean duressNever;
  private Duration duressLockAfter;
  private boolean shared;
  private List<String> attributeAllowance = new ArrayList<>();
  private Duration messageMaxRetention;

  /** A new system's settings: the policies' defaults, no roles yet. */
  public static SystemForm defaults() {
    SystemForm form = new SystemForm();
    form.pinPad(PinPadPolicy.defaults());
    form.pattern(PatternPolicy.defaults());
    form.messageMaxRetention = MessagePolicy.DEFAULT_MAX_RETENTION;
    return form;
  }

  public static SystemForm of(RelyingSystem system) {
    SystemForm form = new SystemForm();
    form.name = system.name();
    form.roles = system.roles().toArray(new SystemRole[0]);
    form.pinPad(system.pinPad());
    form.pattern(system.pattern());
    form.shared = system.shared();
    form.attributeAllowance = new ArrayList<>(new TreeSet<>(system.attributeAllowance()));
    form.messageMaxRetention = system.messages().maxRetention();
    return form;
  }

  private void pinPad(PinPadPolicy policy) {
    algorithm = policy.algorithm();
    layout = policy.layout();
    shuffle = policy.shuffle();
    textMode = policy.textMode();
    pinpadTtl = policy.ttl();
  }

  private void pattern(PatternPolicy policy) {
    gridTtl = policy.gridTtl();
    tempIdsEnabled = policy.tempIdsEnabled();
    tempIdMaxAge = policy.tempIdMaxAge();
    tempIdMaxUses = policy.tempIdMaxUses();
    pairwiseIdLength = policy.pairwiseIdLength();
    duressNever = policy.duressLockAfter().isEmpty();
    duressLockAfter = policy.duressLockAfter().orElse(PatternPolicy.DEFAULT_DURESS_LOCK_AFTER);
  }

  /**
   * @throws DomainException bad input naming the field, from the policies' own checks
   */
  public SystemRegistry.Registration registration() {
    return new SystemRegistry.Registration(
        name,
        roleSet(),
        pinPadPolicy(),
        PatternPolicy.defaults().with(patternChange()),
        shared,
        allowance());
  }

  /**
   * Every setting as the form shows it (a full update); the longest message retention only for a
   * sender, the one kind of system that has messages.
   *
   * @throws DomainException bad input naming the field, from the PIN pad policy's checks
   */
  public SystemRegistry.Update update() {
    Set<SystemRole> roleSet = roleSet();
    return new SystemRegistry.Update(
        name,
        roleSet,
        pinPadPolicy(),
        patternChange(),
        shared,
        allowance(),
        roleSet.contains(SystemRole.SENDER) ? messageMaxRetention : null);
  }

  private Set<SystemRole> roleSet() {
    Set<SystemRole> set = EnumSet.noneOf(SystemRole.class);
    if (roles != null) {
      set.addAll(Arrays.asList(roles));
    }
    return set;
  }

  private PinPadPolicy pinPadPolicy() {
    return PinPadPolicy.of(algorithm, layout, shuffle, textMode, pinpadTtl);
  }

  private PatternPolicy.Change patternChange() {
    return new PatternPolicy.Change(
        gridTtl,
        tempIdsEnabled,
        tempIdMaxAge,
        tempIdMaxUses,
        pairwiseIdLength,
        duressNever ? null : duressLockAfter,
        duressNever);
  }

  private Set<String> allowance() {
    Set<String> names = new TreeSet<>();
    if (attributeAllowance != null) {
      attributeAllowance.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add);
    }
    return names;
  }

  /** Shows a service's refusal beside this form's inputs in the form {@code formId}. */
  public static void show(DomainException refusal, String formId) {
    InputRefusals.show(refusal, formId, INPUT_IDS);
  }

  public List<SelectItem> getRoleItems() {
    return List.of(
        new SelectItem(SystemRole.VERIFIER, "Verifier"),
        new SelectItem(SystemRole.SENDER, "Sender"),
        new SelectItem(SystemRole.CONFIRMER, "Confirmer"));
  }

  public List<SelectItem> getAlgorithmItems() {
    return List.of(
        new SelectItem(PinPadAlgorithm.STANDARD, "Standard"),
        new SelectItem(PinPadAlgorithm.REVERSE, "Reverse"),
        new SelectItem(PinPadAlgorithm.ADD_N, "Add n"));
  }

  public List<SelectItem> getLayoutItems() {
    return List.of(
        new SelectItem(PinPadLayout.PHONE, "Phone (1 2 3 on top)"),
        new SelectItem(PinPadLayout.CALCULATOR, "Calculator (7 8 9 on top)"),
        new SelectItem(PinPadLayout.GRID_2X5, "Two rows of five"),
        new SelectItem(PinPadLayout.GRID_5X2, "Five rows of two"));
  }

  /** Role names as a table shows them, e.g. "Verifier, Sender". */
  public static String roleNames(Set<SystemRole> roles) {
    List<String> names = new ArrayList<>();
    for (SystemRole role : roles) {
      names.add(role.name().charAt(0) + role.name().substring(1).toLowerCase());
    }
    return String.join(", ", names);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SystemRole[] getRoles() {
    return roles;
  }

  public void setRoles(SystemRole[] roles) {
    this.roles = roles;
  }

  public PinPadAlgorithm getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(PinPadAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  public PinPadLayout getLayout() {
    return layout;
  }

  public void setLayout(PinPadLayout layout) {
    this.layout = layout;
  }

  public boolean isShuffle() {
    return shuffle;
  }

  public void setShuffle(boolean shuffle) {
    this.shuffle = shuffle;
  }

  public boolean isTextMode() {
    return textMode;
  }

  public void setTextMode(boolean textMode) {
    this.textMode = textMode;
  }

  public Duration getPinpadTtl() {
    return pinpadTtl;
  }

  public void setPinpadTtl(Duration pinpadTtl) {
    this.pinpadTtl = pinpadTtl;
  }

  public Duration getGridTtl() {
    return gridTtl;
  }

  public void setGridTtl(Duration gridTtl) {
    this.gridTtl = gridTtl;
  }

  public boolean isTempIdsEnabled() {
    return tempIdsEnabled;
  }

  public void setTempIdsEnabled(boolean tempIdsEnabled) {
    this.tempIdsEnabled = tempIdsEnabled;
  }

  public Duration getTempIdMaxAge() {
    return tempIdMaxAge;
  }

  public void setTempIdMaxAge(Duration tempIdMaxAge) {
    this.tempIdMaxAge = tempIdMaxAge;
  }

  public Integer getTempIdMaxUses() {
    return tempIdMaxUses;
  }

  public void setTempIdMaxUses(Integer tempIdMaxUses) {
    this.tempIdMaxUses = tempIdMaxUses;
  }

  public Integer getPairwiseIdLength() {
    return pairwiseIdLength;
  }

  public void setPairwiseIdLength(Integer pairwiseIdLength) {
    this.pairwiseIdLength = pairwiseIdLength;
  }

  public boolean isDuressNever() {
    return duressNever;
  }

  public void setDuressNever(boolean duressNever) {
    this.duressNever = duressNever;
  }

  public Duration getDuressLockAfter() {
    return duressLockAfter;
  }

  public void setDuressLockAfter(Duration duressLockAfter) {
    this.duressLockAfter = duressLockAfter;
  }

  public boolean isShared() {
    return shared;
  }

  public void setShared(boolean shared) {
    this.shared = shared;
  }

  public Duration getMessageMaxRetention() {
    return messageMaxRetention;
  }

  public void setMessageMaxRetention(Duration messageMaxRetention) {
    this.messageMaxRetention = messageMaxRetention;
  }

  public List<String> getAttributeAllowance() {
    return attributeAllowance;
  }

  public void setAttributeAllowance(List<String> attributeAllowance) {
    this.attributeAllowance = attributeAllowance;
  }
}
