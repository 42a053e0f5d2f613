package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Components;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAdmin;
import org.portcullis.group.GroupAdmin.GroupRow;
import org.portcullis.group.GroupClosing;
import org.portcullis.group.GroupState;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The private groups: open and closed, newest first, paged on the server, with their creator,
 * members, accesses and deadlines but never their content (the service has none to give). Operators
 * close an open group now, after a confirmation; the service audits it with their name.
 */
@Named
@ViewScoped
public class GroupsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB GroupAdmin groups;
  @EJB GroupClosing closing;

  @Inject ConsoleUser me;

  private GroupState state = GroupState.OPEN;

  private final LazyDataModel<GroupRow> rows =
      new PagedRows<>(
          () -> groups.count(state),
          (first, size) -> groups.list(state, first, size),
          GroupRow::groupId);

  public LazyDataModel<GroupRow> getRows() {
    return rows;
  }

  public GroupState getState() {
    return state;
  }

  public void setState(GroupState state) {
    this.state = state;
  }

  public GroupState[] getStates() {
    return GroupState.values();
  }

  /** The filter changed: back to the first page. */
  public void filterChanged() {
    DataTable table = Components.findComponent("groups-form:groups");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void close(String groupId) {
    String staff = me.requireOperator("close a private group");
    try {
      closing.closeAsStaff(groupId, staff);
      ConsoleMessages.done(
          "Group "
              + groupId
              + " is closed: its members are out and its messages and files are deleted.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "groups-form");
    }
  }

  /** "3 of 3 per P1D", "2 of 5", or the entries so far when the group admits any number. */
  public static String accesses(GroupRow row) {
    if (row.allowanceCount() == null) {
      return row.entries() + (row.entries() == 1 ? " entry" : " entries");
    }
    return row.entriesInWindow()
        + " of "
        + row.allowanceCount()
        + (row.allowancePer() == null ? " for life" : " per " + row.allowancePer());
  }

  public String accessesOf(GroupRow row) {
    return accesses(row);
  }

  /** The CSS class of a state label. */
  public String stateClass(GroupRow row) {
    return row.state() == GroupState.OPEN ? "state ok" : "state warn";
  }
}
