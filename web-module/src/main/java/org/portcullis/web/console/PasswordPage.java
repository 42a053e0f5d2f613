package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.portcullis.error.DomainException;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffPasswordPolicy;

/**
 * Changing one's own password, proving the current one. Any role. A wrong current password counts
 * as a wrong sign-in (the directory's rule), so an unattended session cannot be used to guess it.
 */
@Named
@ViewScoped
public class PasswordPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB StaffDirectory directory;

  @Inject ConsoleUser me;

  private String currentPassword;
  private String newPassword;
  private String repeat;

  public void change() {
    String username = me.getUsername();
    try {
      if (!ConsoleMessages.typedTwice(
          newPassword, repeat, "password-form:repeat", "The two new passwords differ.")) {
        return;
      }
      directory.changeOwnPassword(username, currentPassword, newPassword);
      ConsoleMessages.done("Your password is changed. Use the new one the next time you sign in.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "password-form");
    } finally {
      currentPassword = null;
      newPassword = null;
      repeat = null;
    }
  }

  public int getMinLength() {
    return StaffPasswordPolicy.MIN_LENGTH;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
