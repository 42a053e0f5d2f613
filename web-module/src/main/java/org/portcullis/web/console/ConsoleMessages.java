package org.portcullis.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.Objects;
import org.omnifaces.util.Components;
import org.omnifaces.util.Messages;
import org.portcullis.error.DomainException;

/**
 * Shows a service's refusal where the staff member looks for it: a bad field's message next to the
 * input whose id is the field's name (inside {@code formId}), anything else at the top of the page.
 * The services word their messages for people, so they are shown as they are.
 */
public final class ConsoleMessages {

  private ConsoleMessages() {}

  public static void show(DomainException refusal, String formId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    boolean placed = false;
    for (Map.Entry<String, String> field : refusal.fields().entrySet()) {
      String clientId = formId + ":" + field.getKey();
      UIComponent input = Components.findComponent(clientId);
      if (input != null) {
        Messages.addError(input.getClientId(faces), field.getValue());
        placed = true;
      }
    }
    if (!placed) {
      Messages.addGlobalError(refusal.getMessage());
    }
    faces.validationFailed();
  }

  /**
   * Whether a value typed twice (a new password, a new PIN) was typed the same both times; if not,
   * {@code message} appears beside the repeat field and the request fails validation. Two empty
   * fields count as the same: the service then says what is missing.
   */
  public static boolean typedTwice(
      String value, String repeat, String repeatClientId, String message) {
    if (Objects.equals(value, repeat)) {
      return true;
    }
    Messages.addError(repeatClientId, message);
    FacesContext.getCurrentInstance().validationFailed();
    return false;
  }

  public static void done(String message) {
    Messages.addGlobalInfo(message);
  }
}
