/** Every Mantine component's styles, loaded with any page beyond the first screens (first-screen.ts). */
import '@mantine/core/styles.layer.css';
