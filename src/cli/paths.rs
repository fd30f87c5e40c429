//! `lantern paths`: where Lantern keeps the diary, the settings and the content
//! overrides.

use anyhow::Result;

use super::context::Context;

pub fn paths(ctx: &Context) -> Result<i32> {
    let p = &ctx.paths;
    outln!("Diary:             {}", p.database.display());
    outln!("Data folder:       {}", p.data_dir.display());
    outln!("Settings:          {}", p.config_file.display());
    outln!("Content folder:    {}", p.content_dir.display());
    Ok(0)
}
