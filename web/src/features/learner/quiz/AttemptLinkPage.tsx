import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { api } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';

/** `/attempts/:attemptId` (the link in the "essay graded" e-mail): the attempt's result page. */
export default function AttemptLinkPage() {
  const { attemptId = '' } = useParams();
  const attempt = useQuery({
    queryKey: ['attempt', attemptId],
    queryFn: () => api.attempt(attemptId),
  });
  if (attempt.isPending) return <Loading />;
  if (attempt.isError) return <ErrorAlert error={attempt.error} />;
  return <Navigate to={`/quizzes/${attempt.data.quizId}/attempts/${attemptId}`} replace />;
}
