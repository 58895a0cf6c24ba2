import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router';

/**
 * A Cloudscape `Link` that navigates inside the single-page app (no full reload) on a plain
 * click, and behaves as a normal link otherwise (new tab, copy address).
 * @param props Cloudscape link props; `href` is an app path such as `/mappings/<UUID>`.
 */
export function RouterLink({ href, ...props }: LinkProps & { href: string }) {
  const navigate = useNavigate();
  return (
    <Link
      {...props}
      href={href}
      onFollow={(event) => {
        if (event.detail.external) return;
        event.preventDefault();
        void navigate(href);
      }}
    />
  );
}
