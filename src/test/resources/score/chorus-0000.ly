\version "2.24.0"

\header {
  title = "bebop blues chorus 0000"
  tagline = ##f
}

harmonies = \chordmode {
  \time 4/4
  c1 |  % 1
  f1:7 |  % 2
  c1 |  % 3
  g2:m7 c2 |  % 4
  f1:7 |  % 5
  f1:dim |  % 6
  c1 |  % 7
  e2:m a2:7 |  % 8
  d1:m7 |  % 9
  g1:7 |  % 10
  c2 a2:7 |  % 11
  d2:m g2:7 |  % 12
}

melody = {
  \clef treble
  \key c \major
  \time 4/4
  \tempo 4 = 120
  g'4 bes'4 f'4 c'4 |  % 1
  g'4 bes'4 f'4 c'4 |  % 2
  g'4 bes'4 f'4 c'4~ |  % 3
  c'4 bes'4 g'4 bes'4 |  % 4
  f'4 fis'4 g'4 bes'4 |  % 5
  f'4 fis'4 g'4 bes'4 |  % 6
  g'4 bes'4 f'4 c'4~ |  % 7
  c'4 bes'4 g'4 ees'4 |  % 8
  g'4 c'4 ees'4 fis'4 |  % 9
  f'4 c'4 f'4 ees'4 |  % 10
  c'4 ees'4 bes'4 fis'4 |  % 11
  d'2 g'2 |  % 12
  \bar "|."
}

chordStaff = {
  \clef bass
  \key c \major
  \time 4/4
  <c e g>1 |  % 1
  <c ees f a>1 |  % 2
  <c e g>1 |  % 3
  <d f g bes>2 <c e g>2 |  % 4
  <c ees f a>1 |  % 5
  <c d fis a>1 |  % 6
  <c e g>1 |  % 7
  <e g b>2 <cis e g a>2 |  % 8
  <c d f a>1 |  % 9
  <d f g b>1 |  % 10
  <c e g>2 <cis e g a>2 |  % 11
  <d f a>2 <d f g b>2 |  % 12
  \bar "|."
}

\score {
  <<
    \new ChordNames \harmonies
    \new Staff \with { instrumentName = "Melody" } \melody
    \new Staff \with { instrumentName = "Chords" } \chordStaff
  >>
  \layout { }
}
