package org.portcullis.pattern.internal;

import org.portcullis.error.DomainException;
import org.portcullis.pattern.PatternRuleException;

/** Turns a broken pattern rule into the bad-input problem the caller sees. */
final class RuleProblems {

  private RuleProblems() {}

  static DomainException badInput(PatternRuleException broken) {
    return DomainException.badInput(broken.rule(), broken.field(), broken.getMessage());
  }
}
