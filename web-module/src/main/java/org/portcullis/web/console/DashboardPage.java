package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.portcullis.dashboard.Dashboard;
import org.portcullis.dashboard.Dashboard.MinuteCount;
import org.portcullis.dashboard.Dashboard.Snapshot;

/**
 * The dashboard: verifications per minute (a stacked bar chart of the last 30 minutes), failures,
 * locks, open duress alerts and the outboxes' queues, read in one snapshot per request and
 * refreshed by the page every 30 seconds.
 */
@Named
@RequestScoped
public class DashboardPage {

  @EJB Dashboard dashboard;

  @Inject Formats formats;

  private Snapshot snapshot;

  public Snapshot getSnapshot() {
    if (snapshot == null) {
      snapshot = dashboard.snapshot();
    }
    return snapshot;
  }

  /** Failures in the last hour as a share of its verifications, e.g. "12 %"; "—" without any. */
  public String getFailureShare() {
    Snapshot now = getSnapshot();
    if (now.verificationsLastHour() == 0) {
      return "—";
    }
    return Math.round(100.0 * now.failuresLastHour() / now.verificationsLastHour()) + " %";
  }

  /** The chart as Chart.js configuration: minutes on the x axis, verified and failed stacked. */
  public String getChart() {
    DateTimeFormatter minute =
        DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(formats.getZone()));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder ok = Json.createArrayBuilder();
    JsonArrayBuilder failed = Json.createArrayBuilder();
    for (MinuteCount count : getSnapshot().perMinute()) {
      labels.add(minute.format(count.minute()));
      ok.add(count.ok());
      failed.add(count.failed());
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(dataset("Verified", ok, "#17663b"))
                        .add(dataset("Failed", failed, "#a8231b"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder().add("stacked", true))
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("stacked", true)
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  private static jakarta.json.JsonObjectBuilder dataset(
      String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("backgroundColor", colour)
        .add("borderWidth", 0);
  }
}
