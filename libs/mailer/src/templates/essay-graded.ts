import { button, paragraph, strong } from '../layout';
import type { TemplateDefinition } from './template-definition';

export const essayGraded: TemplateDefinition = {
  category: 'notification',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const quizTitle = data.text('quizTitle');
    const score = format.percent(data.numberInRange('scorePercent', 0, 100));
    const reviewUrl = data.link('reviewUrl');

    if (format.locale === 'id') {
      return {
        subject: `Esai Anda di "${courseTitle}" telah dinilai`,
        preheader: `Nilai Anda untuk kuis ${quizTitle}: ${score}.`,
        heading: 'Esai Anda telah dinilai',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Instruktur telah menilai jawaban esai Anda pada kuis ',
            strong(quizTitle),
            ' dalam pelatihan ',
            strong(courseTitle),
            '.',
          ),
          paragraph('Nilai Anda: ', strong(score)),
          button('Lihat penilaian', reviewUrl),
        ],
      };
    }
    return {
      subject: `Your essay in "${courseTitle}" has been graded`,
      preheader: `Your score for the quiz ${quizTitle}: ${score}.`,
      heading: 'Your essay has been graded',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph(
          'An instructor has graded your essay answer in the quiz ',
          strong(quizTitle),
          ' of the course ',
          strong(courseTitle),
          '.',
        ),
        paragraph('Your score: ', strong(score)),
        button('View the feedback', reviewUrl),
      ],
    };
  },
};
