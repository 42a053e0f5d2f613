package org.portcullis.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.HashMap;
import java.util.Map;
import org.omnifaces.util.Components;
import org.portcullis.error.DomainException;

/**
 * A service's refusal beside the inputs it names, for forms whose input ids differ from the
 * services' field names (Faces ids cannot hold the dots of {@code pattern.gridTtl}). The inputs are
 * also marked invalid (keeping what was typed), so that they show as such and {@code p:focus} moves
 * to the first of them.
 */
final class InputRefusals {

  private InputRefusals() {}

  /**
   * @param inputIds service field name → input id, for the fields whose names differ
   */
  static void show(DomainException refusal, String formId, Map<String, String> inputIds) {
    Map<String, String> fields = new HashMap<>();
    refusal
        .fields()
        .forEach((field, text) -> fields.put(inputIds.getOrDefault(field, field), text));
    ConsoleMessages.show(
        new DomainException(refusal.kind(), refusal.type(), refusal.getMessage(), fields), formId);
    FacesContext faces = FacesContext.getCurrentInstance();
    Map<String, String> typed = faces.getExternalContext().getRequestParameterMap();
    for (String inputId : fields.keySet()) {
      UIComponent component = Components.findComponent(formId + ":" + inputId);
      if (component instanceof UIInput input) {
        // an invalid input shows what was typed, so give it back; inputs of several values
        // (check boxes, chips) post under other names and keep their values unmarked
        String text = typed.get(input.getClientId(faces));
        if (text != null) {
          input.setSubmittedValue(text);
          input.setValid(false);
        }
      }
    }
  }
}
