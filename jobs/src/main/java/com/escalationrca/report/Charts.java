package com.escalationrca.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn by JFreeChart into SVG (JFreeSVG) and embedded as {@code data:} URIs in an
 * {@code <img>}: the static report stays one self-contained file, and an SVG shown as an image runs
 * no script whatever text it holds. Charts carry only dates and numbers, never narrative text.
 */
public final class Charts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final Color OBSERVED = new Color(0xC0, 0x39, 0x2B);
  private static final Color EXPECTED = new Color(0x7F, 0x8C, 0x8D);
  private static final Color ONSET = new Color(0x2C, 0x3E, 0x50);
  private static final Color EVENT = new Color(0x1F, 0x6F, 0xB2);

  /** An event marked on a chart: its first day and a short label ("#3"), the title being listed beside the chart. */
  public record Mark(java.time.LocalDate day, String label) {
  }

  private Charts() {
  }

  /** Daily observed (solid) against expected (dashed) counts, the onset marked by a vertical line. */
  public static String observedVersusExpected(DailySeries series, int width, int height) {
    return observedVersusExpected(series, java.util.List.of(), width, height);
  }

  /** The same, with events marked by dotted vertical lines. */
  public static String observedVersusExpected(DailySeries series, java.util.List<Mark> events, int width, int height) {
    TimeSeries observed = new TimeSeries("observed");
    TimeSeries expected = new TimeSeries("expected");
    for (DailySeries.Day d : series.days()) {
      Day day = day(d.day());
      observed.add(day, d.observed());
      expected.add(day, d.expected());
    }
    TimeSeriesCollection data = new TimeSeriesCollection();
    data.addSeries(observed);
    data.addSeries(expected);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, OBSERVED);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesPaint(1, EXPECTED);
    renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {5f, 4f}, 0f));
    XYPlot plot = new XYPlot(data, dateAxis(), countAxis(), renderer);
    if (series.onset() != null) {
      ValueMarker onset = new ValueMarker(day(series.onset()).getFirstMillisecond());
      onset.setPaint(ONSET);
      onset.setStroke(new BasicStroke(1f));
      plot.addDomainMarker(onset);
    }
    mark(plot, events);
    return svg(plot, width, height);
  }

  /**
   * A population's escalations day by day for an investigation: the baseline's days shaded grey, the
   * window's shaded red, and the level the baseline predicts per day drawn across the window.
   */
  public static String investigation(java.util.List<java.util.Map.Entry<java.time.LocalDate, ? extends Number>> days,
                                     java.util.List<java.time.LocalDate[]> baseline, java.time.LocalDate[] window,
                                     double expectedPerDay, String measure, java.util.List<Mark> events, int width,
                                     int height) {
    TimeSeries counts = new TimeSeries(measure);
    days.forEach(d -> counts.addOrUpdate(day(d.getKey()), d.getValue()));
    TimeSeries expected = new TimeSeries("expected from the baseline");
    for (java.time.LocalDate d = window[0]; !d.isAfter(window[1]); d = d.plusDays(1)) {
      expected.add(day(d), expectedPerDay);
    }
    TimeSeriesCollection data = new TimeSeriesCollection();
    data.addSeries(counts);
    data.addSeries(expected);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, ONSET);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    renderer.setSeriesPaint(1, EXPECTED);
    renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {5f, 4f}, 0f));
    NumberAxis axis = measure.equals("escalations") ? countAxis() : new NumberAxis(measure);
    axis.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, dateAxis(), axis, renderer);
    for (java.time.LocalDate[] period : baseline) {
      plot.addDomainMarker(shade(period, new Color(0x7F, 0x8C, 0x8D, 0x30)), org.jfree.chart.ui.Layer.BACKGROUND);
    }
    plot.addDomainMarker(shade(window, new Color(0xC0, 0x39, 0x2B, 0x30)), org.jfree.chart.ui.Layer.BACKGROUND);
    mark(plot, events);
    return svg(plot, width, height);
  }

  /** Days from one to another, both whole, as a shaded band. */
  private static org.jfree.chart.plot.IntervalMarker shade(java.time.LocalDate[] period, Color color) {
    org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(
        day(period[0]).getFirstMillisecond(), day(period[1]).getLastMillisecond());
    band.setPaint(color);
    band.setOutlinePaint(null);
    return band;
  }

  /** A cluster's size night by night, events marked. */
  public static String sizes(java.util.List<java.util.Map.Entry<java.time.LocalDate, Integer>> nights,
                             java.util.List<Mark> events, int width, int height) {
    return perNight("size", nights, events, width, height);
  }

  /** Events as dotted vertical lines labelled at the top ("#3"). */
  private static void mark(XYPlot plot, java.util.List<Mark> events) {
    for (Mark event : events) {
      ValueMarker line = new ValueMarker(day(event.day()).getFirstMillisecond());
      line.setPaint(EVENT);
      line.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
      line.setLabel(event.label());
      line.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
      line.setLabelPaint(EVENT);
      line.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      line.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      plot.addDomainMarker(line, org.jfree.chart.ui.Layer.FOREGROUND);
    }
  }

  /** One count per night (a cluster's size, a cause's escalations), points joined. */
  public static String perNight(String name, java.util.List<java.util.Map.Entry<java.time.LocalDate, Integer>> nights,
                                java.util.List<Mark> events, int width, int height) {
    TimeSeries size = new TimeSeries(name);
    nights.forEach(n -> size.addOrUpdate(day(n.getKey()), n.getValue()));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ONSET);
    XYPlot plot = new XYPlot(new TimeSeriesCollection(size), dateAxis(), countAxis(), renderer);
    mark(plot, events);
    return svg(plot, width, height);
  }

  /** An SVG document as a data URI for {@code <img src>}. */
  public static String dataUri(String svg) {
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  private static String svg(XYPlot plot, int width, int height) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setDomainGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 11), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    return g2.getSVGDocument();
  }

  private static DateAxis dateAxis() {
    DateAxis axis = new DateAxis();
    axis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    axis.setDateFormatOverride(utc(new java.text.SimpleDateFormat("MMM d", java.util.Locale.ROOT)));
    return axis;
  }

  private static NumberAxis countAxis() {
    NumberAxis axis = new NumberAxis("escalations");
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setAutoRangeIncludesZero(true);
    return axis;
  }

  private static java.text.SimpleDateFormat utc(java.text.SimpleDateFormat format) {
    format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    return format;
  }

  private static Day day(java.time.LocalDate date) {
    return new Day(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)), java.util.TimeZone.getTimeZone("UTC"),
        java.util.Locale.ROOT);
  }
}
