package cn.mashang.sla;

/** Traffic-light state of a clock: GREEN, AMBER (≥ amber ratio of the allowed working time used), RED (past the deadline). */
public enum SlaColour {
    GREEN("绿·按期"), AMBER("黄·将超期"), RED("红·已超期");

    private final String label;

    SlaColour(String label) {
        this.label = label;
    }

    /** The board's words for the colour (the colour is never the only signal). */
    public String label() {
        return label;
    }
}
