package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.util.Messages;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.FunctionCodeTable;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;

/**
 * A relying system's function codes (SPEC §3.3, §3.10): which positions of the typed password carry
 * a code and what each code means. Admins edit the table as rows and save it whole; the registry's
 * {@link FunctionCodeTable} decides what a valid table is.
 */
@Named
@ViewScoped
public class FunctionCodesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The functions the product knows; staff may also name their own. */
  private static final List<String> STANDARD =
      List.of(
          FunctionCodeTable.PRACTICE,
          FunctionCodeTable.READ_ONLY,
          FunctionCodeTable.DURESS,
          FunctionCodeTable.DUMMY);

  /** The expected password of the explanation under the table (SPEC §3.3's example). */
  private static final String EXAMPLE_PASSWORD = "0695";

  /** One code and its function, as typed. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private String code;
    private String function;

    public Row() {}

    Row(String code, String function) {
      this.code = code;
      this.function = function;
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getFunction() {
      return function;
    }

    public void setFunction(String function) {
      this.function = function;
    }

    boolean blank() {
      return (code == null || code.isBlank()) && (function == null || function.isBlank());
    }
  }

  @EJB SystemRegistry registry;

  @Inject ConsoleUser me;

  /** The view parameter {@code system}. */
  private String systemId;

  private transient RelyingSystem system;

  private String positions;
  private List<Row> rows;

  public void load() {
    system = systemId == null ? null : registry.find(systemId).orElse(null);
    if (system == null) {
      Messages.addGlobalWarn(
          "There is no relying system " + (systemId == null ? "" : systemId) + ".");
      return;
    }
    show(system.functionCodes());
  }

  private void show(FunctionCodeTable table) {
    positions = table.positions().stream().map(String::valueOf).collect(Collectors.joining(", "));
    rows = new ArrayList<>();
    table.codes().forEach((code, function) -> rows.add(new Row(code, function)));
  }

  public void addRow() {
    me.requireAdmin("change the function codes of relying system " + systemId);
    rows.add(new Row());
  }

  public void removeRow(Row row) {
    me.requireAdmin("change the function codes of relying system " + systemId);
    rows.remove(row);
  }

  public void save() {
    String staff = me.requireAdmin("change the function codes of relying system " + systemId);
    try {
      store(parsedPositions(), codes(), staff);
      ConsoleMessages.done("Saved the function codes.");
    } catch (DomainException refusal) {
      InputRefusals.show(refusal, "codes-form", Map.of());
    }
  }

  public void resetToDefault() {
    String staff = me.requireAdmin("reset the function codes of relying system " + systemId);
    FunctionCodeTable defaults = FunctionCodeTable.defaults();
    try {
      store(defaults.positions(), defaults.codes(), staff);
      ConsoleMessages.done("The system uses the default function codes again.");
    } catch (DomainException refusal) {
      InputRefusals.show(refusal, "codes-form", Map.of());
    }
  }

  private void store(List<Integer> newPositions, Map<String, String> codes, String staff) {
    system = registry.changeFunctionCodes(systemId, newPositions, codes, staff);
    show(system.functionCodes());
  }

  /**
   * @throws DomainException bad input on {@code positions} for anything but numbers
   */
  private List<Integer> parsedPositions() {
    List<Integer> parsed = new ArrayList<>();
    if (positions == null || positions.isBlank()) {
      return parsed;
    }
    for (String part : positions.strip().split("[,\\s]+")) {
      if (!part.matches("[0-9]{1,2}")) {
        throw DomainException.badInput(
            "bad-function-codes",
            "positions",
            "Write the positions as numbers separated by commas, e.g. 1 or 2, 1");
      }
      parsed.add(Integer.parseInt(part));
    }
    return parsed;
  }

  /**
   * The rows as the registry takes them; rows left empty are dropped, names are upper-cased.
   *
   * @throws DomainException bad input on {@code codes} for a code listed twice, which a map would
   *     otherwise swallow
   */
  private Map<String, String> codes() {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.blank()) {
        continue;
      }
      String code = row.code == null ? "" : row.code.strip();
      String function = row.function == null ? "" : row.function.strip().toUpperCase(Locale.ROOT);
      if (codes.put(code, function) != null) {
        throw DomainException.badInput(
            "bad-function-codes", "codes", "The code " + code + " is listed twice");
      }
    }
    return codes;
  }

  /** The functions the product knows, offered in each row's list. */
  public List<String> getStandardFunctions() {
    return STANDARD;
  }

  /**
   * How a customer types one of the stored codes, e.g. "When the expected password is 0695, a
   * customer who types 06952 logs in under DURESS."; empty when the system uses no function codes.
   */
  public String getExample() {
    RelyingSystem current = getSystem();
    if (current == null) {
      return "";
    }
    FunctionCodeTable table = current.functionCodes();
    if (table.positions().isEmpty() || table.codes().isEmpty()) {
      return "";
    }
    Map.Entry<String, String> shown =
        table.codes().entrySet().stream()
            .filter(entry -> entry.getValue().equals(FunctionCodeTable.DURESS))
            .findFirst()
            .orElse(table.codes().entrySet().iterator().next());
    int length = EXAMPLE_PASSWORD.length() + table.positions().size();
    char[] typed = new char[length];
    boolean[] taken = new boolean[length];
    for (int i = 0; i < table.positions().size(); i++) {
      int index = length - table.positions().get(i);
      if (index < 0) {
        return "";
      }
      typed[index] = shown.getKey().charAt(i);
      taken[index] = true;
    }
    int next = 0;
    for (int i = 0; i < length; i++) {
      if (!taken[i]) {
        typed[i] = EXAMPLE_PASSWORD.charAt(next++);
      }
    }
    return "When the expected password is "
        + EXAMPLE_PASSWORD
        + ", a customer who types "
        + new String(typed)
        + " logs in under "
        + shown.getValue()
        + ".";
  }

  public RelyingSystem getSystem() {
    if (system == null && rows != null) {
      system = registry.find(systemId).orElse(null);
    }
    return system;
  }

  public String getSystemId() {
    return systemId;
  }

  public void setSystemId(String systemId) {
    this.systemId = systemId;
  }

  public String getPositions() {
    return positions;
  }

  public void setPositions(String positions) {
    this.positions = positions;
  }

  public List<Row> getRows() {
    return rows;
  }
}
