/** Valid sample files covering every question type; shared by round-trip and fuzz tests. */
export const GIFT_SAMPLE = String.raw`// Bank soal K3 — contoh
$CATEGORY: $course$/top/K3 Umum/APD

// [tag:APD] [tag:dasar]
::Helm keselamatan::[html]<p>Apa fungsi utama <b>helm</b> keselamatan?</p>{
  =Melindungi kepala dari benturan#Benar.
  ~Gaya saja#Bukan, helm adalah APD.
  ~%-25%Tidak ada fungsinya#Salah besar.
  ####Helm wajib dipakai di area proyek.
}

::APAR::Alat Pemadam Api Ringan kelas {=A ~B ~C} dipakai untuk kebakaran kayu.

::Benar/Salah::Kebakaran kelas C melibatkan listrik.{TRUE#Kelas C memang listrik.#Tepat!}

::Salah::Air boleh dipakai memadamkan kebakaran listrik.{F}

$CATEGORY: K3 Konstruksi

::Numerik::Tinggi minimum (meter) yang mewajibkan full body harness?{#1.8:0.05}

::Rentang::Suhu kerja ideal dalam °C?{#20..26}

::Multi numerik::Berapa jumlah sila Pancasila?{#
  =5:0#Tepat
  =%50%5:1#Hampir
}

::Pasangan::Cocokkan warna rambu dengan maknanya.{
  =Biru -> Wajib
  =Merah -> Larangan
  =Kuning -> Peringatan
}

::Esai::Jelaskan hierarki pengendalian risiko.{
  ####Eliminasi, substitusi, rekayasa, administrasi, APD.
}

[markdown]**Bagian 2**\: soal isian

::Isian::Singkatan dari Alat Pelindung Diri adalah?{=APD#Betul =%50%A*D#Hampir}

::Pilih banyak::Manakah yang termasuk APD?{
  ~%50%Helm
  ~%50%Sepatu keselamatan
  ~%-100%Ponsel#Bukan APD
}

::Multi baris::Baris pertama
baris kedua
  baris ketiga{T}

::Simbol \: \{ \} \~ \= \# \\::Teks \~ \= \# \{ \} \: dan\nbaris baru {
  =Jawaban \= benar \# 1 \{x\}#umpan \~ balik
  ~Salah \~ 2
}
`;

export const AIKEN_SAMPLE = `Apa kepanjangan APAR?
A. Alat Pemadam Api Ringan
B. Alat Pengaman Api Ringan
C) Alat Pemadam Asap Ringan
ANSWER: A

Warna helm untuk pengawas lapangan biasanya?
A) Putih
B) Kuning
ANSWER: A
`;

export const MOODLE_XML_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/K3 Umum/APD</text></category>
  </question>
  <question type="multichoice">
    <name><text>Helm keselamatan</text></name>
    <questiontext format="html"><text><![CDATA[<p>Apa fungsi <b>helm</b> &amp; sepatu?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Helm wajib &lt;selalu&gt; dipakai.</text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <single>true</single>
    <shuffleanswers>1</shuffleanswers>
    <answer fraction="100" format="html"><text>Melindungi kepala</text><feedback><text>Benar</text></feedback></answer>
    <answer fraction="0" format="html"><text>Gaya</text></answer>
    <answer fraction="-25" format="html"><text>Tidak ada</text></answer>
    <tags><tag><text>APD</text></tag><tag><text>dasar</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Pilih banyak</text></name>
    <questiontext format="moodle_auto_format"><text>Manakah APD?</text></questiontext>
    <single>false</single>
    <answer fraction="33.33333"><text>Helm</text></answer>
    <answer fraction="33.33333"><text>Sarung tangan</text></answer>
    <answer fraction="33.33334"><text>Sepatu</text></answer>
    <answer fraction="-100"><text>Ponsel</text><feedback><text>Bukan APD</text></feedback></answer>
  </question>
  <question type="truefalse">
    <name><text>Listrik</text></name>
    <questiontext format="plain_text"><text>Kebakaran kelas C melibatkan listrik.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Tepat</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>Kelas C memang listrik</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>Isian</text></name>
    <questiontext format="markdown"><text>Singkatan Alat Pelindung Diri?</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>APD</text></answer>
    <answer fraction="50"><text>A*D</text><feedback><text>Hampir</text></feedback></answer>
  </question>
  <question type="numerical">
    <name><text>Numerik</text></name>
    <questiontext format="html"><text>Tinggi minimum harness (m)?</text></questiontext>
    <answer fraction="100"><text>1.8</text><tolerance>0.05</tolerance><feedback><text>Tepat</text></feedback></answer>
    <answer fraction="50"><text>2</text><tolerance>0.5</tolerance></answer>
  </question>
  <question type="matching">
    <name><text>Pasangan</text></name>
    <questiontext format="html"><text>Cocokkan rambu.</text></questiontext>
    <subquestion format="html"><text>Biru</text><answer><text>Wajib</text></answer></subquestion>
    <subquestion format="html"><text>Merah</text><answer><text>Larangan</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Pengecoh</text></answer></subquestion>
  </question>
  <question type="category">
    <category><text>$course$/top/K3 Konstruksi</text></category>
  </question>
  <question type="essay">
    <name><text>Esai</text></name>
    <questiontext format="html"><text><![CDATA[Jelaskan <i>hierarki</i> pengendalian.
Baris kedua, dengan ]]]]><![CDATA[> di dalamnya.]]></text></questiontext>
    <generalfeedback format="html"><text>Eliminasi dulu.</text></generalfeedback>
    <defaultgrade>5</defaultgrade>
    <responseformat>editor</responseformat>
  </question>
  <question type="description">
    <name><text>Bagian 2</text></name>
    <questiontext format="html"><text>Bagian kedua: soal isian &#8212; semangat!</text></questiontext>
    <defaultgrade>0</defaultgrade>
  </question>
</quiz>
`;
