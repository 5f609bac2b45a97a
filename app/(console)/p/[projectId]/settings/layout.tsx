import { SettingsTabs } from "@/components/shell/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      <SettingsTabs projectId={projectId} />
      {children}
    </>
  );
}
