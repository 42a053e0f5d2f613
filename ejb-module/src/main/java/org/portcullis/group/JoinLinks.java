package org.portcullis.group;

import java.util.Objects;

/**
 * The join link of a group: a template (setting {@code portcullis.groups.join-url}) with {@value
 * #GROUP} and {@value #CODE} in it. The code must sit in the fragment, after {@code #}: browsers
 * and apps never send the fragment to a server, so the code reaches no server's log on its way to
 * the bank's app. Typically an https link the bank's app claims (a universal or app link) or a
 * custom scheme such as {@code bankapp://groups/join#group={groupId}&code={code}}.
 *
 * @param template the link with its placeholders
 */
public record JoinLinks(String template) {

  public static final String GROUP = "{groupId}";
  public static final String CODE = "{code}";

  /** Relative to the public URL: a page of the web module that tells people to use their phone. */
  public static final String DEFAULT_PATH = "/groups/join.html#group=" + GROUP + "&code=" + CODE;

  /**
   * @throws IllegalArgumentException when a placeholder is missing or the code is not in the
   *     fragment
   */
  public JoinLinks {
    Objects.requireNonNull(template, "template");
    int fragment = template.indexOf('#');
    int code = template.indexOf(CODE);
    if (!template.contains(GROUP) || code < 0) {
      throw new IllegalArgumentException(
          "portcullis.groups.join-url must contain " + GROUP + " and " + CODE);
    }
    if (fragment < 0 || code < fragment) {
      throw new IllegalArgumentException(
          "portcullis.groups.join-url must put " + CODE + " after '#', in the fragment");
    }
    if (template.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
      throw new IllegalArgumentException("portcullis.groups.join-url must be a URL");
    }
  }

  /** The join link of a group; both values are URL-safe (lower-case ids, Crockford symbols). */
  public String of(String groupId, AccessCode code) {
    return template.replace(GROUP, groupId).replace(CODE, code.grouped());
  }
}
