package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinLinksTest {

  @Test
  void putsTheGroupAndTheGroupedCodeIntoTheTemplate() {
    JoinLinks links = new JoinLinks("https://bank.example" + JoinLinks.DEFAULT_PATH);
    assertEquals(
        "https://bank.example/groups/join.html#group=g-abcdefghijkmnpqrstuv&code=7X9Z-K2M4-T1V8",
        links.of("g-abcdefghijkmnpqrstuv", AccessCode.parse("7x9zk2m4t1v8")));
    assertEquals(
        "bankapp://groups/join#g=g-abcdefghijkmnpqrstuv&c=7X9Z-K2M4-T1V8",
        new JoinLinks("bankapp://groups/join#g={groupId}&c={code}")
            .of("g-abcdefghijkmnpqrstuv", AccessCode.parse("7x9zk2m4t1v8")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://bank.example/join?code={code}#{groupId}", // the code would reach the server
        "https://bank.example/join#{groupId}", // no code
        "https://bank.example/join?{code}", // no fragment
        "https://bank.example/join#{code}", // no group
        "https://bank.example/j oin#{groupId}{code}",
      })
  void refusesTemplatesThatWouldLeakOrLoseTheCode(String template) {
    assertThrows(IllegalArgumentException.class, () -> new JoinLinks(template));
  }
}
