package bebop.app;

/** The files a score is written as. Lower case: the command line matches and lists them as typed. */
public enum ScoreFormat {
    mid, wav, png, musicxml, ly, pdf;

    /** True for the engraved formats, made from one notation of the score. */
    public boolean notation() {
        return this == musicxml || this == ly || this == pdf;
    }
}
