package bebop.jam;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/** In-process MIDI devices for the jam's tests: a keyboard (a Transmitter a test plays) and a sound module (a Receiver that keeps what it gets, with the clock's time). */
final class InProcessMidi {
    private InProcessMidi() {}

    /** A keyboard: sends note-ons and note-offs to whatever receiver it is connected to. */
    static final class Keyboard implements Transmitter {
        private Receiver receiver;

        @Override
        public void setReceiver(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public Receiver getReceiver() {
            return receiver;
        }

        @Override
        public void close() {
            receiver = null;
        }

        void press(int pitch, int velocity) {
            send(ShortMessage.NOTE_ON, pitch, velocity);
        }

        /** Released as many keyboards do: a note-on of velocity 0. */
        void release(int pitch) {
            send(ShortMessage.NOTE_ON, pitch, 0);
        }

        private void send(int command, int pitch, int velocity) {
            try {
                receiver.send(new ShortMessage(command, 0, pitch, velocity), -1);
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One message received, at the clock's time. */
    record Heard(long nanos, int command, int channel, int data1, int data2) {
        boolean noteOn() {
            return command == ShortMessage.NOTE_ON && data2 > 0;
        }

        boolean noteOff() {
            return command == ShortMessage.NOTE_OFF || (command == ShortMessage.NOTE_ON && data2 == 0);
        }
    }

    /** A sound module that keeps every short message with the time it came. */
    static final class Module implements Receiver {
        private final JamClock clock;
        final List<Heard> heard = new ArrayList<>();

        Module(JamClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void send(MidiMessage message, long timeStamp) {
            if (message instanceof ShortMessage m) {
                heard.add(new Heard(clock.now(), m.getCommand(), m.getChannel(), m.getData1(), m.getData2()));
            }
        }

        synchronized List<Heard> on(int channel) {
            return heard.stream().filter(h -> h.channel() == channel).toList();
        }

        @Override
        public void close() {}
    }
}
