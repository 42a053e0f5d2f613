package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAdmin;
import org.portcullis.group.GroupAdmin.GroupRow;

/**
 * The private groups of the customer the customer page shows: the ones they opened and the ones
 * they are a member of, read once per request.
 */
@Named
@RequestScoped
public class CustomerGroups {

  @EJB GroupAdmin groups;

  private final Map<String, List<GroupRow>> read = new HashMap<>();

  public List<GroupRow> of(String account) {
    if (account == null || account.isBlank()) {
      return List.of();
    }
    return read.computeIfAbsent(
        account,
        key -> {
          try {
            return groups.ofCustomer(key);
          } catch (DomainException unknown) {
            return List.of();
          }
        });
  }

  public String accesses(GroupRow row) {
    return GroupsPage.accesses(row);
  }
}
