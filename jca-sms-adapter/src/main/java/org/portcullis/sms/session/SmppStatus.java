package org.portcullis.sms.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.jsmpp.SMPPConstant;

/**
 * Names of SMPP command_status values ({@code ESME_RTHROTTLED} and so on, SMPP 3.4 §5.1.3), for
 * error messages a person can act on. Read from jsmpp's own constants so the two never disagree.
 *
 * <p>Thread-safety: immutable after class initialisation.
 */
public final class SmppStatus {

  private static final Map<Integer, String> NAMES = new HashMap<>();

  static {
    for (Field field : SMPPConstant.class.getFields()) {
      if (field.getName().startsWith("STAT_")
          && field.getType() == int.class
          && Modifier.isStatic(field.getModifiers())) {
        try {
          NAMES.putIfAbsent(field.getInt(null), field.getName().substring("STAT_".length()));
        } catch (IllegalAccessException e) {
          throw new ExceptionInInitializerError(e);
        }
      }
    }
  }

  private SmppStatus() {}

  /** The status's name ({@code ESME_RBINDFAIL}), or its hex value for a vendor-specific one. */
  public static String name(int commandStatus) {
    String name = NAMES.get(commandStatus);
    return name != null ? name : String.format("0x%08X", commandStatus);
  }

  /** The name and the hex value: {@code ESME_RBINDFAIL (0x0000000D)}. */
  public static String describe(int commandStatus) {
    String name = NAMES.get(commandStatus);
    String hex = String.format("0x%08X", commandStatus);
    return name != null ? name + " (" + hex + ")" : "command_status " + hex;
  }
}
